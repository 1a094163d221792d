import { createHash } from 'node:crypto';
import type { Finding } from './finding';

/**
 * A findings baseline: what a repository already had when it adopted the linter. Findings are
 * matched by file, rule, JSON Pointer and message (not by line, which moves with every edit), and
 * counted, so a second identical finding is new.
 */
export interface Baseline {
  version: 1;
  findings: Array<{ file: string; ruleId: string; path: string; fingerprint: string }>;
}

export function fingerprintOf(f: Finding): string {
  return createHash('sha256')
    .update(`${f.file}\0${f.ruleId}\0${f.path}\0${f.message}`)
    .digest('hex')
    .slice(0, 32);
}

export function createBaseline(findings: readonly Finding[]): Baseline {
  return {
    version: 1,
    findings: findings
      .filter((f) => f.severity !== 'info')
      .map((f) => ({ file: f.file, ruleId: f.ruleId, path: f.path, fingerprint: fingerprintOf(f) })),
  };
}

/** Parses a baseline file's JSON; throws an Error with a one-line reason when it is not one. */
export function parseBaseline(text: string): Baseline {
  const data = JSON.parse(text) as Partial<Baseline>;
  if (
    data?.version !== 1 ||
    !Array.isArray(data.findings) ||
    !data.findings.every((f) => typeof f?.fingerprint === 'string')
  ) {
    throw new Error('not a ros-sso baseline (expected {"version":1,"findings":[…]})');
  }
  return data as Baseline;
}

/** The findings that are not in the baseline. */
export function filterByBaseline(findings: readonly Finding[], baseline: Baseline): Finding[] {
  const remaining = new Map<string, number>();
  for (const f of baseline.findings) remaining.set(f.fingerprint, (remaining.get(f.fingerprint) ?? 0) + 1);
  return findings.filter((f) => {
    const key = fingerprintOf(f);
    const left = remaining.get(key) ?? 0;
    if (left === 0) return true;
    remaining.set(key, left - 1);
    return false;
  });
}
