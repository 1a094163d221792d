import { describe, expect, it } from 'vitest';
import { compileGlob, GlobError, MAX_GLOB_LENGTH } from '../../lint/glob';

const CASES: Array<[glob: string, path: string, matches: boolean]> = [
  ['*.yaml', 'a.yaml', true],
  ['*.yaml', 'dir/a.yaml', false],
  ['**/*.yaml', 'a.yaml', true],
  ['**/*.yaml', 'x/y/a.yaml', true],
  ['vendor/**', 'vendor/a/b.yaml', true],
  ['vendor/**', 'vendorx/a.yaml', false],
  ['a/**/b.yaml', 'a/b.yaml', true],
  ['a/**/b.yaml', 'a/x/y/b.yaml', true],
  ['a/**/b.yaml', 'a/xb.yaml', false],
  ['t?.yml', 'ta.yml', true],
  ['t?.yml', 't/.yml', false],
  ['{a,b}.yaml', 'b.yaml', true],
  ['{a,b}.yaml', 'c.yaml', false],
  ['{a,b}.yaml', '.yaml', false],
  ['x/{*.yaml,*.yml}', 'x/q.yml', true],
  ['{a,{b,c}d}', 'cd', true],
  ['{a,{b,c}d}', 'c', false],
  ['a{', 'a{', true],
  ['a.b', 'axb', false],
  ['(a)+$', '(a)+$', true],
  ['**/**/**/x.yaml', 'x.yaml', true],
  ['**/**/**/x.yaml', 'a/b/x.yaml', true],
];

describe('compileGlob', () => {
  it.each(CASES)('%s against %s: %s', (glob, path, matches) => {
    expect(compileGlob(glob).test(path)).toBe(matches);
  });

  it('answers adversarial globs on paths that almost match (a backtracking RegExp would not end)', () => {
    const deep = `deep/${'a/'.repeat(30)}t.yaml`;
    expect(compileGlob(`deep/${'**/'.repeat(25)}x.yaml`).test(deep)).toBe(false);
    expect(compileGlob(`deep/${'**/'.repeat(25)}t.yaml`).test(deep)).toBe(true);
    expect(compileGlob(`${'*a'.repeat(40)}b`).test('a'.repeat(2000))).toBe(false);
    expect(compileGlob(`${'**/a/'.repeat(6)}**/b`).test(`${'a/'.repeat(60)}c`)).toBe(false);
    expect(compileGlob('{a,b,c,d}'.repeat(100)).test(`${'a'.repeat(99)}e`)).toBe(false);
  });

  it('refuses an unclosed nested brace and an over-long glob in one line', () => {
    expect(() => compileGlob('{a,{b}')).toThrow(GlobError);
    expect(() => compileGlob('*'.repeat(MAX_GLOB_LENGTH + 1))).toThrow(/at most 4096 characters/);
  });
});
