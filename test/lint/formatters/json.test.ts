import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../lint/finding';
import { formatJson } from '../../../lint/formatters/json';
import { cleanSummary, findings, rules, summary } from './fixtures';

const RESULT_KEYS = [
  'file',
  'line',
  'column',
  'endLine',
  'endColumn',
  'ruleId',
  'severity',
  'message',
  'path',
];

describe('json formatter', () => {
  it('renders exactly the documented keys, in order', () => {
    const out = formatJson(findings, summary, rules);
    expect(out.endsWith('}\n')).toBe(true);
    const parsed: { results: Record<string, unknown>[]; summary: Record<string, unknown> } = JSON.parse(out);
    expect(Object.keys(parsed)).toEqual(['results', 'summary']);
    for (const r of parsed.results) expect(Object.keys(r)).toEqual(RESULT_KEYS);
    expect(Object.keys(parsed.summary)).toEqual(['files', 'errors', 'warnings']);
    // Round-trips: messages with newlines, `%`, non-ASCII and paths with spaces survive unchanged.
    expect(parsed.results).toEqual(findings);
    expect(parsed.summary).toEqual(summary);
  });

  it('is byte-stable', () => {
    const first = findings[1];
    expect(formatJson([first], { files: 1, errors: 1, warnings: 0 }, rules)).toBe(
      '{"results":[{"file":"templates/sso users ü.yaml","line":12,"column":7,"endLine":12,"endColumn":16,' +
        '"ruleId":"ros-unknown-property","severity":"error","message":"Unknown property \\"UserNmae\\": ' +
        'ALIYUN::CloudSSO::User allows UserName, DisplayName, Email","path":"/Resources/Alice/Properties/UserNmae"}],' +
        '"summary":{"files":1,"errors":1,"warnings":0}}\n',
    );
  });

  it('drops fields that are not part of the format', () => {
    const extra = { ...findings[0], fix: 'x', source: 'y' } as Finding;
    const parsed: { results: Record<string, unknown>[] } = JSON.parse(formatJson([extra], summary, rules));
    expect(Object.keys(parsed.results[0])).toEqual(RESULT_KEYS);
  });

  it('renders an empty run', () => {
    expect(formatJson([], cleanSummary, rules)).toBe(
      '{"results":[],"summary":{"files":5,"errors":0,"warnings":0}}\n',
    );
  });
});
