import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../lint/finding';
import { formatSarif } from '../../../lint/formatters/sarif';
import pkg from '../../../package.json';
import { cleanSummary, findings, rules, summary } from './fixtures';
import sarifSchema from './sarif-schema-2.1.0.json';

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri: string;
        rules: {
          id: string;
          shortDescription: { text: string };
          defaultConfiguration: { level: string };
          helpUri?: string;
        }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
        logicalLocations?: { fullyQualifiedName: string }[];
      }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

// The official OASIS schema (provenance in SARIF-SCHEMA.md). Its `language` pattern is not valid
// under the `u` flag, hence unicodeRegExp: false; strict off because it uses draft-07 idioms.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(sarifSchema);

function render(list: readonly Finding[] = findings): SarifLog {
  const out = formatSarif(list, summary, rules);
  expect(out.endsWith('\n')).toBe(true);
  const log: unknown = JSON.parse(out);
  const ok = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
  return log as SarifLog;
}

describe('sarif formatter', () => {
  it('is valid SARIF 2.1.0 with the header code scanning expects', () => {
    const log = render();
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('ros-sso');
    expect(driver.version).toBe(pkg.version);
    expect(driver.informationUri).toMatch(/^https:\/\//);
  });

  it('lists the rule metadata, then a stub for any rule missing from it', () => {
    const driverRules = render().runs[0].tool.driver.rules;
    expect(driverRules.map((r) => r.id)).toEqual([...rules.map((r) => r.id), 'template-parse-error']);
    expect(driverRules.map((r) => r.defaultConfiguration.level)).toEqual([
      'error',
      'warning',
      'note',
      'error',
    ]);
    expect(driverRules[0].shortDescription.text).toBe('Flags a property the resource type does not define.');
  });

  it('links each rule of the metadata to its catalogue section (helpUri), the stub to nothing', () => {
    const driverRules = render().runs[0].tool.driver.rules;
    expect(driverRules.map((r) => r.helpUri)).toEqual([
      'https://github.com/OWNER/ros-sso/blob/main/lint/rules/README.md#ros-unknown-property',
      'https://github.com/OWNER/ros-sso/blob/main/lint/rules/README.md#sso-display-name-length',
      'https://github.com/OWNER/ros-sso/blob/main/lint/rules/README.md#style-output-description',
      undefined,
    ]);
  });

  it('maps each finding to a result whose ruleIndex points at its rule', () => {
    const run = render().runs[0];
    expect(run.results).toHaveLength(findings.length);
    run.results.forEach((r, i) => {
      const f = findings[i];
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(f.ruleId);
      expect(r.ruleId).toBe(f.ruleId);
      expect(r.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[f.severity]);
      expect(r.message.text).toBe(f.message);
      expect(r.locations[0].physicalLocation.region).toEqual({
        startLine: f.line,
        startColumn: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
      });
    });
  });

  it('uses relative, percent-encoded URIs against %SRCROOT%', () => {
    const uris = render().runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation);
    expect(uris[1]).toEqual({ uri: 'templates/sso%20users%20%C3%BC.yaml', uriBaseId: '%SRCROOT%' });
    expect(uris[0]).toEqual({ uri: 'broken.yaml', uriBaseId: '%SRCROOT%' });
    const odd = [
      { ...findings[0], file: './a b/#x?.yaml' },
      { ...findings[0], file: 'dir\\win.yaml' },
      { ...findings[0], file: '/abs/p q.yaml' },
      { ...findings[0], file: 'C:\\work\\t.yaml' },
    ];
    expect(render(odd).runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation)).toEqual([
      { uri: 'a%20b/%23x%3F.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'dir/win.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'file:///abs/p%20q.yaml' },
      { uri: 'file:///C:/work/t.yaml' },
    ]);
  });

  it('names the JSON pointer as a logical location, unless there is none', () => {
    const results = render().runs[0].results;
    expect(results[0].locations[0].logicalLocations).toBeUndefined();
    expect(results[3].locations[0].logicalLocations).toEqual([
      { fullyQualifiedName: '/Outputs/a~1b', kind: 'element' },
    ]);
  });

  it('fingerprints ignore the line but tell rule, file, pointer and message apart', () => {
    const print = (f: Finding) => render([f]).runs[0].results[0].partialFingerprints['rosSsoFindingHash/v1'];
    const base = findings[1];
    expect(print(base)).toMatch(/^[0-9a-f]{64}:1$/);
    expect(print({ ...base, line: 99, column: 1, endLine: 99, endColumn: 3 })).toBe(print(base));
    for (const change of [
      { ruleId: 'other' },
      { file: 'x.yaml' },
      { path: '/Resources/B' },
      { message: 'm' },
    ]) {
      expect(print({ ...base, ...change })).not.toBe(print(base));
    }
    // Two identical findings in one file stay two alerts.
    const twins = render([base, { ...base, line: 40, endLine: 40 }]).runs[0].results;
    const [a, b] = twins.map((r) => r.partialFingerprints['rosSsoFindingHash/v1']);
    expect(a.slice(0, -2)).toBe(b.slice(0, -2));
    expect([a.slice(-2), b.slice(-2)]).toEqual([':1', ':2']);
  });

  it('is deterministic', () => {
    expect(formatSarif(findings, summary, rules)).toBe(formatSarif(findings, summary, rules));
  });

  it('is valid with zero results', () => {
    const out = formatSarif([], cleanSummary, rules);
    const log: unknown = JSON.parse(out);
    expect(validate(log)).toBe(true);
    const run = (log as SarifLog).runs[0];
    expect(run.results).toEqual([]);
    expect(run.tool.driver.rules).toHaveLength(rules.length);
    expect(formatSarif([], cleanSummary, [])).toContain('"rules": []');
  });

  it('rejects invalid SARIF, so the schema check can fail', () => {
    const bad: SarifLog = JSON.parse(formatSarif(findings, summary, rules));
    bad.runs[0].results[0].level = 'info';
    expect(validate(bad)).toBe(false);
  });
});
