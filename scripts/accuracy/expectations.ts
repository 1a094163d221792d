/**
 * The expectations file of the accuracy check: the errors on a corpus that are verified true
 * positives, each with the evidence that ROS rejects it. JSON, facts only:
 *
 *   { "corpus": "…", "complete": false,
 *     "expected": [{ "file": "a/b.yml", "rule": "ref-getatt", "pointer": "/Outputs/X/Value/Fn::GetAtt/0",
 *                    "evidence": "why ROS rejects it, with the doc URL" }] }
 *
 * `complete: true` declares that the linter's other errors on the corpus are gone, so CI may
 * enforce the check (see .ci/run).
 */
import type { Finding } from '../../lint/finding';

export interface Expectation {
  /** Relative to the corpus folder, POSIX separators. */
  file: string;
  rule: string;
  /** RFC 6901 JSON Pointer of the finding. */
  pointer: string;
  evidence: string;
}

export interface Expectations {
  corpus?: string;
  complete: boolean;
  expected: Expectation[];
}

/** A problem with the command line, the corpus or the expectations file: exit code 2. */
export class InputError extends Error {}

export const expectationKey = (file: string, rule: string, pointer: string): string =>
  JSON.stringify([file, rule, pointer]);

const FIELDS = ['file', 'rule', 'pointer', 'evidence'] as const;

/** Parses and checks an expectations file; every entry needs all four fields, evidence included. */
export function parseExpectations(text: string, name: string): Expectations {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${name}: not JSON (${(err as Error).message})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new InputError(`${name}: must be an object with "complete" and "expected"`);
  const { corpus, complete, expected } = data as Record<string, unknown>;
  if (typeof complete !== 'boolean') throw new InputError(`${name}: "complete" must be true or false`);
  if (corpus !== undefined && typeof corpus !== 'string')
    throw new InputError(`${name}: "corpus" must be a string`);
  if (!Array.isArray(expected)) throw new InputError(`${name}: "expected" must be a list`);
  const seen = new Set<string>();
  const entries = expected.map((entry, i): Expectation => {
    const at = `${name}: expected[${i}]`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
      throw new InputError(`${at} must be an object`);
    const e = entry as Record<string, unknown>;
    for (const field of FIELDS) {
      if (typeof e[field] !== 'string') throw new InputError(`${at}: "${field}" must be a string`);
    }
    const found = e as unknown as Expectation;
    if (found.evidence.trim() === '')
      throw new InputError(`${at}: no evidence; verify the error and say why ROS rejects it, or remove it`);
    if (found.pointer !== '' && !found.pointer.startsWith('/'))
      throw new InputError(`${at}: "pointer" must be a JSON Pointer ("" or starting with /)`);
    const key = expectationKey(found.file, found.rule, found.pointer);
    if (seen.has(key)) throw new InputError(`${at}: listed twice`);
    seen.add(key);
    return { file: found.file, rule: found.rule, pointer: found.pointer, evidence: found.evidence };
  });
  return { ...(corpus === undefined ? {} : { corpus }), complete, expected: entries };
}

/**
 * Today's errors as a file for review: entries already verified keep their evidence; the others
 * get an empty one (which the check refuses to load) and the message, to be verified or deleted.
 */
export function renderCandidates(errors: readonly Finding[], previous: Expectations | undefined): string {
  const known = new Map(
    (previous?.expected ?? []).map((e) => [expectationKey(e.file, e.rule, e.pointer), e]),
  );
  const seen = new Set<string>();
  const expected: Array<Expectation & { candidate?: string }> = [];
  for (const f of errors) {
    const key = expectationKey(f.file, f.ruleId, f.path);
    if (seen.has(key)) continue;
    seen.add(key);
    const verified = known.get(key);
    expected.push(
      verified ?? { file: f.file, rule: f.ruleId, pointer: f.path, evidence: '', candidate: f.message },
    );
  }
  const out = { ...(previous?.corpus ? { corpus: previous.corpus } : {}), complete: false, expected };
  return `${JSON.stringify(out, null, 2)}\n`;
}
