import { describe, expect, it } from 'vitest';
import { deepestExisting, sitesOf } from '../../../lint/update/sites';

describe('sitesOf', () => {
  it('names one site for a plain pointer, absent values included', () => {
    expect(sitesOf('/A/B', { A: { B: 1 } }, { A: {} })).toEqual([
      { pointer: '/A/B', before: 1, after: undefined, opaque: false },
    ]);
  });

  it('names nothing when neither version has the property', () => {
    expect(sitesOf('/A/B', { X: 1 }, {})).toEqual([]);
  });

  it('expands * over the items of both versions of a list', () => {
    expect(sitesOf('/L/*', { L: ['a'] }, { L: ['a', 'b'] }).map((s) => s.pointer)).toEqual(['/L/0', '/L/1']);
  });

  it('expands * over the keys of both versions of a mapping', () => {
    expect(sitesOf('/M/*/K', { M: { x: { K: 1 } } }, { M: { y: { K: 2 } } }).map((s) => s.pointer)).toEqual([
      '/M/x/K',
      '/M/y/K',
    ]);
  });

  it('stops at a function: definite when only * tokens remain, opaque before a named one', () => {
    const fn = { Ref: 'P' };
    expect(sitesOf('/L/*', { L: ['a'] }, { L: fn })).toEqual([
      { pointer: '/L', before: ['a'], after: fn, opaque: false },
    ]);
    expect(sitesOf('/L/*/Path', { L: [{ Path: 'a' }] }, { L: fn })).toEqual([
      { pointer: '/L', before: [{ Path: 'a' }], after: fn, opaque: true },
    ]);
  });

  it('escapes pointer tokens', () => {
    expect(sitesOf('/M/*', { M: { 'a/b': 1 } }, { M: { 'a/b': 2 } })[0].pointer).toBe('/M/a~1b');
  });
});

describe('deepestExisting', () => {
  it('finds the nearest ancestor left after a removal', () => {
    expect(deepestExisting({ A: { B: {} } }, '/A/B/C/D')).toBe('/A/B');
    expect(deepestExisting({}, '/A')).toBe('');
  });
});
