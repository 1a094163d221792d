import { describe, expect, it } from 'vitest';
import { describeChange, sameValue } from '../../../lint/update/values';

describe('sameValue', () => {
  it.each([
    ['a number and its quoted text', 60, '60'],
    ['mappings in another key order', { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }],
    ['Fn::Sub with no variables and its string form', { 'Fn::Sub': ['x${A}', {}] }, { 'Fn::Sub': 'x${A}' }],
    ['Ref ALIYUN::NoValue and no value', { Ref: 'ALIYUN::NoValue' }, undefined],
  ])('treats %s as equal', (_name, a, b) => {
    expect(sameValue(a, b)).toBe(true);
  });

  it.each([
    ['lists in another order', [1, 2], [2, 1]],
    ['a Ref and a literal', { Ref: 'A' }, 'A'],
    ['Refs to different names', { Ref: 'A' }, { Ref: 'B' }],
    ['a value and no value', 'x', undefined],
    ['a mapping with an extra key', { a: 1 }, { a: 1, b: 2 }],
    ['null and the text null', null, 'null'],
  ])('tells %s apart', (_name, a, b) => {
    expect(sameValue(a, b)).toBe(false);
  });
});

describe('describeChange', () => {
  it('quotes both sides briefly', () => {
    expect(describeChange({ Ref: 'Target' }, '1')).toBe('Ref Target → "1"');
    expect(describeChange('x'.repeat(100), undefined)).toMatch(/^"x+… → \(absent\)$/);
  });
});
