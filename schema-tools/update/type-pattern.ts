import { UsageError } from '../../cli/args';

/**
 * `--types`: comma-separated globs (`*` any run of characters, `?` one), case-insensitive and
 * matched against the whole name, e.g. `ALIYUN::FC3::*,ALIYUN::RAM::Role`; or `/regex/` (flags
 * allowed) matched as JavaScript does. Throws a UsageError naming the problem for a bad pattern.
 */
export function compileTypePattern(pattern: string): (type: string) => boolean {
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(pattern.trim());
  if (regex) {
    let re: RegExp;
    try {
      // Without g/y, whose lastIndex would make test() alternate between calls.
      re = new RegExp(regex[1] ?? '', (regex[2] ?? '').replace(/[gy]/g, ''));
    } catch (err) {
      throw new UsageError(`--types: invalid regular expression: ${(err as Error).message}`);
    }
    return (type) => re.test(type);
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
