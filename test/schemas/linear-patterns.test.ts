import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linearRegExp, patternVerdict } from '../../schemas/pattern';
import { allSchemas } from '../../schemas/registry';
import { validateAgainst } from '../../schemas/validate';

const GENERATED = join(__dirname, '..', '..', 'schemas', 'generated', 'validators.js');

/** Every `pattern` keyword in our own schemas. */
function schemaPatterns(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const item of node) schemaPatterns(item, out);
  else if (node !== null && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      if (key === 'pattern' && typeof value === 'string') out.add(value);
      else schemaPatterns(value, out);
    }
  return out;
}

describe('precompiled validators', () => {
  it('build every schema pattern with the engine they are given, never with RegExp', () => {
    const text = readFileSync(GENERATED, 'utf8');
    expect(text).not.toMatch(/new RegExp\(/);
    const built = new Set<string>();
    // The generated CommonJS factory, loaded as schemas/validate.ts loads it.
    const factory = require(GENERATED) as (engine: (source: string) => unknown) => unknown;
    factory((source) => {
      built.add(source);
      return { test: () => true };
    });
    const ours = schemaPatterns(allSchemas(), new Set());
    expect(ours.size).toBeGreaterThan(0);
    for (const pattern of ours) expect(built).toContain(pattern);
  });

  it('still reject a value that breaks a schema pattern, through the linear engine', () => {
    const issues = validateAgainst('https://ros-sso.dev/schemas/resources/Custom.RAMOIDCClientId.json', {
      ServiceToken: 'acs:fc:cn-hangzhou:1:functions/f',
      Parameters: { OIDCProviderName: 'idp', ClientId: `${'a'.repeat(10_000)} !` },
    });
    expect(issues.map((i) => `${i.pointer} ${i.keyword}`)).toContain('/Parameters/ClientId pattern');
  });
});

describe('the linear-time pattern engine', () => {
  it('tells checked, not checked (needs backtracking) and invalid apart', () => {
    expect(patternVerdict('[a-z]+').kind).toBe('checked');
    // Lookaheads at the anchored start are checked as a conjunction (pattern-lookaround.ts); others are not.
    expect(patternVerdict('^(?=.*\\d)[a-z0-9]+$').kind).toBe('checked');
    expect(patternVerdict('^a(?=.*\\d)[a-z0-9]+$')).toEqual({ kind: 'unchecked', reason: 'a lookahead' });
    expect(patternVerdict('^(?=.*\\d)a|b$')).toEqual({ kind: 'unchecked', reason: 'a lookahead' });
    expect(patternVerdict('(?<![-_])x')).toEqual({ kind: 'unchecked', reason: 'a lookbehind' });
    expect(patternVerdict('(a)\\1')).toEqual({ kind: 'unchecked', reason: 'a backreference' });
    expect(patternVerdict('[a-z]{1,1024}')).toEqual({
      kind: 'unchecked',
      reason: 'a repeat count over 1000',
    });
    expect(patternVerdict('([a-z]+').kind).toBe('invalid');
  });

  it('reads the ROS dialect: whole value, {,n}, \\u, \\Z, escaped non-ASCII, named groups', () => {
    const ok = (pattern: string, value: string) => {
      const verdict = patternVerdict(pattern);
      return verdict.kind === 'checked' && verdict.pattern.test(value);
    };
    expect(ok('[a-z]{6}', 'abcdef')).toBe(true);
    expect(ok('[a-z]{6}', 'abcdefgh')).toBe(false);
    expect(ok('a{,3}', 'aaa')).toBe(true);
    expect(ok('a{,3}', 'aaaa')).toBe(false);
    expect(ok('[{,3}]+', '{,3}')).toBe(true); // inside a class, {,3} is four characters
    expect(ok('[\\u4e00-\\u9fa5]+', '中文')).toBe(true);
    expect(ok('[\\u4e00-\\u9fa5]+', 'abc')).toBe(false);
    expect(ok('\\d+\\w*', '12ab_')).toBe(true);
    expect(ok('\\d+', '١٢')).toBe(false);
    expect(ok('ab\\Z', 'ab')).toBe(true);
    expect(ok('[\\‘x]+', '‘x')).toBe(true);
    expect(ok('(?P<n>a)b', 'ab')).toBe(true);
    expect(ok('[]a]+', ']a')).toBe(true);
  });

  it('matches a catastrophic pattern against a long value', () => {
    const verdict = linearRegExp('^(?:(a+)+$)$');
    expect(verdict.kind).toBe('checked');
    if (verdict.kind === 'checked') expect(verdict.pattern.test(`${'a'.repeat(100_000)}!`)).toBe(false);
  });
});
