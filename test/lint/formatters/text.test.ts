import { describe, expect, it } from 'vitest';
import { formatText } from '../../../lint/formatters/text';
import { cleanSummary, findings, rules, summary } from './fixtures';

describe('text formatter', () => {
  it('prints one line per finding, a blank line and the summary', () => {
    const out = formatText(findings, summary, rules);
    expect(out).toBe(
      [
        'broken.yaml:4:1  error  template-parse-error  bad indentation of a mapping entry (4:1)',
        'templates/sso users ü.yaml:12:7  error  ros-unknown-property  Unknown property "UserNmae": ALIYUN::CloudSSO::User allows UserName, DisplayName, Email',
        'templates/sso users ü.yaml:20:20  warning  sso-display-name-length  DisplayName "Zoë 张伟" is 120% of the limit',
        'templates/outputs.json:3:5  info  style-output-description  Output "a/b" has no Description. Add one: Description: …',
        '',
        '✖ 2 errors, 1 warning, 1 info in 3 files',
        '',
      ].join('\n'),
    );
  });

  it('keeps every finding on one line even when the message has newlines', () => {
    const lines = formatText(findings, summary, rules).trimEnd().split('\n');
    expect(lines).toHaveLength(findings.length + 2);
    expect(lines[findings.length]).toBe('');
  });

  it('leaves out infos from the summary when there are none, and uses singulars', () => {
    const one = findings.filter((f) => f.severity === 'warning');
    const out = formatText(one, { files: 1, errors: 0, warnings: 1 }, rules);
    expect(out.endsWith('\n\n✖ 0 errors, 1 warning in 1 file\n')).toBe(true);
  });

  it('marks a run with infos only as clean', () => {
    const infos = findings.filter((f) => f.severity === 'info');
    const out = formatText(infos, { files: 2, errors: 0, warnings: 0 }, rules);
    expect(out.split('\n').at(-2)).toBe('✔ 0 errors, 0 warnings, 1 info in 2 files');
  });

  it('prints only the summary when there are no findings', () => {
    expect(formatText([], cleanSummary, rules)).toBe('✔ no problems in 5 files\n');
    expect(formatText([], { files: 1, errors: 0, warnings: 0 }, [])).toBe('✔ no problems in 1 file\n');
  });

  it('prints no colour codes', () => {
    expect(formatText(findings, summary, rules)).not.toMatch(/\u001b\[/);
  });
});
