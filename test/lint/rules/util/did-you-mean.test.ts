import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, suggestion, withSuggestionCache } from '../../../../lint/rules/util/did-you-mean';

/** The plain definition: full Levenshtein table over every candidate, first of the nearest wins. */
function reference(word: string, candidates: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
    for (let i = 1; i <= s.length; i++) {
      const cur = [i];
      for (let j = 1; j <= t.length; j++)
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
      prev = cur;
    }
    return prev[t.length];
  };
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

describe('did-you-mean', () => {
  it('suggests the nearest name within a third of the length, case-insensitively', () => {
    expect(suggestion('InstanceTyp', ['ImageId', 'InstanceType'])).toBe('; did you mean InstanceType?');
    expect(closest('vpcid', ['VpcId', 'VSwitchId'])).toBe('VpcId');
    expect(closest('Completely', ['VpcId', 'VSwitchId'])).toBeUndefined();
    expect(suggestion('Nothing', [])).toBe('');
  });

  it('breaks ties by candidate order', () => {
    expect(closest('ab', ['ax', 'ay'])).toBe('ax');
    expect(closest('ab', ['ay', 'ax'])).toBe('ay');
  });

  it('caches per candidate set within a template, never across sets', () => {
    withSuggestionCache(() => {
      const a = ['Alpha', 'Beta'];
      expect(closest('Alpah', a)).toBe('Alpha');
      expect(closest('Alpah', ['Alpaca', 'Beta'])).toBe('Alpaca');
      expect(closest('Alpah', new Set(['Gamma']).keys())).toBeUndefined();
      expect(closest('Alpah', a)).toBe('Alpha');
      // A caller that changes its array afterwards does not change what was indexed.
      const mutable = ['Delta'];
      expect(closest('Delt', mutable)).toBe('Delta');
      mutable[0] = 'Omega';
      expect(closest('Delt', mutable)).toBeUndefined();
    });
  });

  it('spends a bounded budget per template, then leaves the hint out', () => {
    // Each candidate is nearer than the one before, so every one costs a full band of the table.
    const word = (i: number) => `${'a'.repeat(300)}${i}`;
    const candidates = Array.from({ length: 100 }, (_, k) => `${'b'.repeat(100 - k)}${'a'.repeat(200 + k)}`);
    const expected = closest(word(0), candidates);
    expect(expected).toBe(candidates[99]);
    const hints = withSuggestionCache(() => {
      const found: Array<string | undefined> = [];
      for (let i = 0; i < 200; i++) found.push(closest(word(i), candidates));
      return found;
    });
    expect(hints[0]).toBe(expected);
    expect(hints.at(-1)).toBeUndefined();
    const spent = hints.findIndex((h) => h === undefined);
    expect(hints.slice(spent).every((h) => h === undefined)).toBe(true);
    // A new template starts with a full budget.
    expect(withSuggestionCache(() => closest(word(199), candidates))).toBe(expected);
  });

  it('agrees with the plain definition on arbitrary words and candidates', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'B', 'b', 'c', 'İ', '1', '-'), maxLength: 14 });
    fc.assert(
      fc.property(name, fc.array(name, { maxLength: 12 }), (word, candidates) => {
        expect(closest(word, candidates)).toBe(reference(word, candidates));
      }),
      { numRuns: 3000 },
    );
  });

  it('shares large candidate sets across templates without sharing budgets', () => {
    const types = Array.from({ length: 300 }, (_, i) => `ALIYUN::Service${i}::Thing`);
    expect(withSuggestionCache(() => closest('ALIYUN::Service12::Thin', types))).toBe(types[12]);
    // Another template that has spent its budget gets no hint, remembered or not…
    const costly = (i: number) => `${'a'.repeat(300)}${i}`;
    const nearer = Array.from({ length: 100 }, (_, k) => `${'b'.repeat(100 - k)}${'a'.repeat(200 + k)}`);
    const spent = withSuggestionCache(() => {
      for (let i = 0; i < 200; i++) closest(costly(i), nearer);
      return closest('ALIYUN::Service12::Thin', [...types]);
    });
    expect(spent).toBeUndefined();
    // …and the next template has its own.
    expect(withSuggestionCache(() => closest('ALIYUN::Service12::Thin', types))).toBe(types[12]);
  });

  it('finds near names among thousands, and handles thousands of misses in one template', () => {
    const names = Array.from({ length: 8000 }, (_, i) => `Parameter${i}`);
    withSuggestionCache(() => {
      expect(closest('Parameter7999x', names)).toBe('Parameter7999');
      for (let i = 0; i < 8000; i++) expect(closest(`Missing${i}`, names)).toBeUndefined();
      expect(closest('parametr12', names)).toBe('Parameter12');
    });
  });
});
