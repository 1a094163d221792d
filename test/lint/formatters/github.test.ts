import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../../lint/formatters/github';
import { cleanSummary, findings, rules, summary } from './fixtures';

/** What the runner does to a command: the inverse of the toolkit's escaping. */
function runnerUnescape(s: string): string {
  return s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}

function parse(line: string): { command: string; props: Record<string, string>; message: string } {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const props: Record<string, string> = {};
  for (const kv of m[2].split(',')) {
    const eq = kv.indexOf('=');
    props[kv.slice(0, eq)] = runnerUnescape(kv.slice(eq + 1));
  }
  return { command: m[1], props, message: runnerUnescape(m[3]) };
}

describe('github formatter', () => {
  it('renders one workflow command per finding', () => {
    expect(formatGithub(findings, summary, rules)).toBe(
      [
        '::error file=broken.yaml,line=4,col=1,endLine=4,endColumn=2,title=template-parse-error::bad indentation of a mapping entry (4:1)',
        '::error file=templates/sso users ü.yaml,line=12,col=7,endLine=12,endColumn=16,title=ros-unknown-property::Unknown property "UserNmae": ALIYUN::CloudSSO::User allows UserName, DisplayName, Email',
        '::warning file=templates/sso users ü.yaml,line=20,endLine=22,title=sso-display-name-length::DisplayName "Zoë 张伟" is 120%25 of the limit',
        '::notice file=templates/outputs.json,line=3,col=5,endLine=3,endColumn=14,title=style-output-description::Output "a/b" has no Description.%0AAdd one:%0D%0A  Description: …',
        '',
      ].join('\n'),
    );
  });

  it('round-trips through the runner’s unescaping', () => {
    const lines = formatGithub(findings, summary, rules).trimEnd().split('\n');
    expect(lines).toHaveLength(findings.length);
    lines.forEach((line, i) => {
      const f = findings[i];
      const { command, props, message } = parse(line);
      expect(command).toBe({ error: 'error', warning: 'warning', info: 'notice' }[f.severity]);
      expect(message).toBe(f.message);
      expect(props.file).toBe(f.file);
      expect(props.title).toBe(f.ruleId);
      expect(Number(props.line)).toBe(f.line);
      expect(Number(props.endLine)).toBe(f.endLine);
    });
  });

  it('escapes `:` and `,` in properties but not in the message', () => {
    const f = { ...findings[1], file: 'C:\\dir,1\\a%b.yaml', ruleId: 'x:y,z', message: 'a:b,c%d\r\ne' };
    expect(formatGithub([f], summary, rules)).toBe(
      '::error file=C%3A\\dir%2C1\\a%25b.yaml,line=12,col=7,endLine=12,endColumn=16,title=x%3Ay%2Cz::a:b,c%25d%0D%0Ae\n',
    );
  });

  it('escapes as actions/toolkit does', () => {
    expect(escapeData('100%\r\n:,')).toBe('100%25%0D%0A:,');
    expect(escapeProperty('100%\r\n:,')).toBe('100%25%0D%0A%3A%2C');
    // `%` first, or the `%` of `%0A` would itself be escaped.
    expect(escapeData('%0A\n')).toBe('%250A%0A');
  });

  it('prints nothing for a clean run', () => {
    expect(formatGithub([], cleanSummary, rules)).toBe('');
  });
});
