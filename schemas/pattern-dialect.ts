/**
 * Python's `{,n}` (0 to n; RE2 and JavaScript would read the literal text `{,n}`) is rewritten by
 * pythonRepeats, once, when pattern.ts makes an AllowedPattern a whole-value source.
 *
 * toLinearSyntax rewrites a pattern written for ROS (Python's `re`, often copied from JavaScript) into the syntax
 * of the linear-time engine (RE2). One pass over the pattern, escape by escape:
 * - `\uXXXX`, `\u{X…}` and `\UXXXXXXXX` become `\x{…}`, the only code point escape RE2 knows;
 * - `\Z` (Python: end of the value) becomes `\z`; `\a` (bell) and `\cX` (control) become `\x{…}`;
 *   `\b` inside a class (backspace) becomes `\x{8}`;
 * - `\` before a character that is not ASCII (`\‘`) is that character, as in Python and JavaScript.
 * Everything else is passed on as written: RE2 rejects what it cannot run (lookarounds,
 * backreferences), and pattern.ts tells those apart from patterns that are simply invalid.
 */
const HEX = /^[0-9a-fA-F]+$/;

const codePoint = (hex: string) => `\\x{${hex}}`;

/** The escape starting at `pattern[i] === '\\'`: its RE2 text and its length in the pattern. */
function escape(pattern: string, i: number, inClass: boolean): [string, number] {
  const next = pattern[i + 1];
  if (next === undefined) return ['\\', 1];
  const four = pattern.slice(i + 2, i + 6);
  if (next === 'u' && four.length === 4 && HEX.test(four)) return [codePoint(four), 6];
  if (next === 'u' && pattern[i + 2] === '{') {
    const close = pattern.indexOf('}', i + 3);
    const hex = close === -1 ? '' : pattern.slice(i + 3, close);
    if (HEX.test(hex)) return [codePoint(hex), close - i + 1];
  }
  const eight = pattern.slice(i + 2, i + 10);
  if (next === 'U' && eight.length === 8 && HEX.test(eight)) return [codePoint(eight), 10];
  if (next === 'Z' && !inClass) return ['\\z', 2];
  if (next === 'a') return [codePoint('7'), 2];
  if (next === 'b' && inClass) return [codePoint('8'), 2];
  const control = pattern[i + 2];
  if (next === 'c' && control !== undefined && /[A-Za-z]/.test(control))
    return [codePoint((control.toUpperCase().charCodeAt(0) % 32).toString(16)), 3];
  const cp = pattern.codePointAt(i + 1) as number;
  if (cp > 0x7f) {
    const char = String.fromCodePoint(cp);
    return [codePoint(cp.toString(16)), 1 + char.length];
  }
  return [`\\${next}`, 2];
}

/** Rewrites `pattern` token by token: `at` may replace the text at `i` (outside escapes) or pass. */
function rewrite(
  pattern: string,
  at: (i: number, inClass: boolean) => [string, number] | undefined,
  escapes: (i: number, inClass: boolean) => [string, number],
): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i];
    const replaced = c === '\\' ? escapes(i, inClass) : at(i, inClass);
    if (replaced) {
      out += replaced[0];
      i += replaced[1];
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      // A `]` (or `^]`) right after the opening bracket is a literal member, not the end.
      const start = pattern[i + 1] === '^' ? i + 2 : i + 1;
      if (pattern[start] === ']') {
        out += pattern.slice(i, start + 1);
        i = start + 1;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

const asWritten =
  (pattern: string) =>
  (i: number): [string, number] => [pattern.slice(i, i + 2), 2];

/** Python's `{,n}` (0 to n times) as `{0,n}`, which JavaScript and RE2 read the same way. */
export function pythonRepeats(pattern: string): string {
  return rewrite(
    pattern,
    (i, inClass) => {
      const python = inClass || pattern[i] !== '{' ? null : /^\{,(\d+)\}/.exec(pattern.slice(i, i + 12));
      return python ? [`{0,${python[1]}}`, python[0].length] : undefined;
    },
    asWritten(pattern),
  );
}

/** The RE2 spelling of `pattern` (see the module comment). */
export function toLinearSyntax(pattern: string): string {
  return rewrite(
    pattern,
    () => undefined,
    (i, inClass) => escape(pattern, i, inClass),
  );
}
