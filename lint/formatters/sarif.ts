import { createHash } from 'node:crypto';
import pkg from '../../package.json';
import { ruleDocsUrl } from '../catalogue';
import type { Finding, RuleMeta, Severity, Summary } from '../finding';

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Where code scanning links the tool name; the ROS docs for the resource this tool is about. */
const INFORMATION_URI =
  'https://www.alibabacloud.com/help/ros/developer-reference/aliyun-cloudsso-userprovision';
/** Versioned so a future change of the hash input does not silently re-open every alert. */
const FINGERPRINT_KEY = 'rosSsoFindingHash/v1';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  defaultConfiguration: { level: Level };
  /** The rule's section of the catalogue; a stub rule (not in the metadata) has none. */
  helpUri?: string;
}

/** First sentence of a description, for the one-line `shortDescription`. */
function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}

function sarifRule(id: string, severity: Severity, description: string): SarifRule {
  return {
    id,
    shortDescription: { text: firstSentence(description) },
    fullDescription: { text: description },
    defaultConfiguration: { level: LEVEL[severity] },
  };
}

/**
 * Every result needs a valid `ruleIndex`, so a finding whose rule is missing from the metadata
 * (say `template-parse-error` if the caller passed only the rule catalogue) gets a stub rule.
 */
function buildRules(
  findings: readonly Finding[],
  rules: readonly RuleMeta[],
): { list: SarifRule[]; index: Map<string, number> } {
  const list: SarifRule[] = [];
  const index = new Map<string, number>();
  for (const r of rules) {
    if (index.has(r.id)) continue;
    index.set(r.id, list.length);
    list.push({ ...sarifRule(r.id, r.defaultSeverity, r.description), helpUri: ruleDocsUrl(r.id) });
  }
  for (const f of findings) {
    if (index.has(f.ruleId)) continue;
    index.set(f.ruleId, list.length);
    list.push(sarifRule(f.ruleId, f.severity, f.ruleId));
  }
  return { list, index };
}

/**
 * A relative POSIX path, percent-encoded per segment, resolved against `%SRCROOT%` by code
 * scanning. An absolute path cannot be made relative without knowing the root, so it becomes a
 * `file:` URI with no base instead.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const posix = file.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:\//.test(posix);
  const encode = (p: string) => p.split('/').map(encodeURIComponent).join('/');
  if (drive) return { uri: `file:///${posix.slice(0, 2)}${encode(posix.slice(2))}` };
  if (posix.startsWith('/')) return { uri: `file://${encode(posix)}` };
  return { uri: encode(posix.replace(/^(\.\/)+/, '')), uriBaseId: '%SRCROOT%' };
}

/**
 * Line-free identity, so code scanning keeps one alert when a finding moves. Identical findings
 * in one file get an occurrence suffix (as GitHub's own `primaryLocationLineHash` does) so they do
 * not collapse into one alert.
 */
function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const hash = createHash('sha256').update([f.ruleId, f.file, f.path, f.message].join('\0')).digest('hex');
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}

/** SARIF 2.1.0 for GitHub code scanning: one run, rules from the rule metadata. */
export function formatSarif(
  findings: readonly Finding[],
  _summary: Summary,
  rules: readonly RuleMeta[],
): string {
  const { list, index } = buildRules(findings, rules);
  const prints = fingerprints(findings);
  const results = findings.map((f, i) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId) ?? 0,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(f.file),
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
        // The JSON pointer names the node independent of layout; "" (unparsable file) says nothing.
        ...(f.path === '' ? {} : { logicalLocations: [{ fullyQualifiedName: f.path, kind: 'element' }] }),
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: prints[i] },
  }));
  const log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'ros-sso', informationUri: INFORMATION_URI, version: pkg.version, rules: list },
        },
        // Columns come from JS string offsets.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
