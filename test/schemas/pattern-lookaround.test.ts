import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patternVerdict, wholeValueSource } from '../../schemas/pattern';
import { splitAnchoredLookaheads } from '../../schemas/pattern-lookaround';

// Shapes AllowedPatterns of published templates use for passwords and reserved names (written here).
const PATTERNS = [
  '^(?=.*[a-z])(?=.*[A-Z])(?=.*\\d)[A-Za-z\\d!@#$%^&*]{8,32}$',
  '^(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9])((?=.*[!@#$%^&*()+-])|(?=.*[_]))[\\x21-\\x7e]{8,30}$',
  '^(?!root$)[a-z][a-z0-9_]{0,30}[a-z0-9]$',
  '^(?!admin\\b|test\\b)[a-z][a-z0-9_-]{0,10}$',
  '(?=.*[A-Z])(?=.*\\d).{6,}',
  '^(?=[^\\]]*\\d)[\\]a-z0-9]+$',
  '^(?=.*a)(?!.*b$)\\w*\\$?$',
];

describe('lookaheads at the anchored start, checked as a conjunction of linear parts', () => {
  it('agrees with a backtracking engine on every value (small values, where that engine is safe)', () => {
    for (const pattern of PATTERNS) {
      const verdict = patternVerdict(pattern);
      const reference = new RegExp(wholeValueSource(pattern));
      if (verdict.kind !== 'checked') continue; // reported as not checked: nothing to compare
      fc.assert(
        fc.property(fc.stringMatching(/^[a-zA-Z0-9!@#$%^&*_\]$ -]{0,14}$/), (value) => {
          expect(verdict.pattern.test(value)).toBe(reference.test(value));
        }),
        { numRuns: 400, seed: 11 },
      );
    }
  });

  it('checks the password shapes and the reserved-name shapes', () => {
    const checked = PATTERNS.filter((p) => patternVerdict(p).kind === 'checked');
    // The second has a lookahead inside a group after the first three: not split, not checked.
    expect(checked).toEqual(PATTERNS.filter((_, i) => i !== 1));
    const password = patternVerdict(PATTERNS[0]);
    if (password.kind !== 'checked') throw new Error('not checked');
    expect(password.pattern.test('Abcdefg1')).toBe(true);
    expect(password.pattern.test('abcdefg1')).toBe(false);
    const reserved = patternVerdict(PATTERNS[2]);
    if (reserved.kind !== 'checked') throw new Error('not checked');
    expect(reserved.pattern.test('root')).toBe(false);
    expect(reserved.pattern.test('rootx')).toBe(true);
  });

  it('splits only an anchored start followed by lookaheads and a rest without a top-level |', () => {
    expect(splitAnchoredLookaheads('^(?:^(?=.*\\d)(?!x)[a-z\\d]+$)$')).toEqual({
      lookaheads: [
        { negative: false, body: '.*\\d' },
        { negative: true, body: 'x' },
      ],
      rest: '[a-z\\d]+',
      toEnd: true,
    });
    expect(splitAnchoredLookaheads('(?=.*\\d)[a-z]+')).toBeUndefined();
    expect(splitAnchoredLookaheads('^(?=.*\\d)a|b')).toBeUndefined();
    expect(splitAnchoredLookaheads('^[a-z]+$')).toBeUndefined();
    expect(splitAnchoredLookaheads('^(?=.*\\d')).toBeUndefined();
    // An escaped `$` is a literal, not the end anchor.
    expect(splitAnchoredLookaheads('^(?=a)b\\$')?.toEnd).toBe(false);
  });
});
