import { UsageError } from '../../cli/args';
import { linearRegExp } from '../../schemas/pattern';

/**
 * `--types`: comma-separated globs (`*` any run of characters, `?` one), case-insensitive and
 * matched against the whole name, e.g. `ALIYUN::FC3::*,ALIYUN::RAM::Role`; or `/regex/` (flags
 * allowed: i, m, s) matched in linear time (RE2). Throws a UsageError naming the problem for a bad pattern.
 */
export function compileTypePattern(pattern: string): (type: string) => boolean {
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(pattern.trim());
  if (regex) {
    // RE2 (schemas/pattern.ts), so a pattern like (a+)+$ cannot stall the run; i, m and s become
    // inline flags, and g/y are dropped (their lastIndex would make test() alternate between calls).
    const flags = [...new Set((regex[2] ?? '').replace(/[^ims]/g, ''))].join('');
    const verdict = linearRegExp(`${flags ? `(?${flags})` : ''}${regex[1] ?? ''}`);
    if (verdict.kind === 'invalid')
      throw new UsageError(`--types: invalid regular expression: ${verdict.reason}`);
    if (verdict.kind === 'unchecked')
      throw new UsageError(
        `--types: the regular expression needs ${verdict.reason}, which does not run in linear time; use a glob or a simpler expression`,
      );
    return (type) => verdict.pattern.test(type);
  }
  const globs = pattern
    .split(',')
    .map((g) => g.trim())
    .filter((g) => g !== '');
  if (globs.length === 0) throw new UsageError('--types: empty pattern');
  const bad = globs.find((g) => !/^[A-Za-z0-9_@:*?-]+$/.test(g));
  if (bad !== undefined) throw new UsageError(`--types: ${JSON.stringify(bad)} is not a type name or glob`);
  const source = globs.map((g) => g.replace(/[*?]/g, (c) => (c === '*' ? '.*' : '.'))).join('|');
  const re = new RegExp(`^(?:${source})$`, 'i');
  return (type) => re.test(type);
}
