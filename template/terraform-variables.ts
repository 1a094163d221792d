/**
 * The input variables of a Terraform-transform template (`Transform: Aliyun::Terraform-*`): ROS
 * makes each `variable "name" { … }` block of the root module's `.tf` files in `Workspace` a
 * parameter of the stack. A small scanner, not a regular expression, so that `variable` inside a
 * comment, a string or a heredoc, or a nested block, is not taken for a declaration.
 */

const IDENT_START = /[A-Za-z_]/;
const IDENT_CHAR = /[A-Za-z0-9_-]/;

type Token = { kind: 'ident' | 'string' | 'other'; text: string };

/** Index just past the `}` that closes a `${`/`%{` interpolation opened before `i`. */
function skipInterpolation(text: string, i: number): number {
  let depth = 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') i = skipString(text, i + 1).end;
    else if (c === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      i++;
      if (--depth === 0) return i;
    } else i++;
  }
  return i;
}

/** Reads a quoted string whose opening quote is just before `i`; `value` is undefined when it interpolates. */
function skipString(text: string, i: number): { end: number; value: string | undefined } {
  let value: string | undefined = '';
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      value = value === undefined ? undefined : value + text.slice(i, i + 2);
      i += 2;
    } else if (c === '"') return { end: i + 1, value };
    else if ((c === '$' || c === '%') && text[i + 1] === '{') {
      value = undefined;
      i = skipInterpolation(text, i + 2);
    } else if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      value = value === undefined ? undefined : value + text.slice(i + 1, i + 3); // `$${` is a literal `${`
      i += 3;
    } else if (c === '\n')
      return { end: i, value: undefined }; // unterminated: stop at the line end
    else {
      value = value === undefined ? undefined : value + c;
      i++;
    }
  }
  return { end: i, value: undefined };
}

/** `<<EOT` / `<<-EOT` at `i`: the index after the line that closes it, or undefined when it is not one. */
function skipHeredoc(text: string, i: number): number | undefined {
  const header = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(text.slice(i, i + 200));
  if (!header) return undefined;
  const marker = header[1];
  let lineStart = i + header[0].length;
  while (lineStart < text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    if (text.slice(lineStart, lineEnd).trim() === marker) return lineEnd;
    lineStart = lineEnd + 1;
  }
  return text.length;
}

/** The names of the top-level `variable` blocks of one HCL file. */
export function hclVariableNames(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let header: Token[] = []; // tokens of the current top-level line, for `variable LABEL {`
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      if (depth === 0) header = [];
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
    } else if (c === '"') {
      const s = skipString(text, i + 1);
      header.push({ kind: 'string', text: s.value ?? '' });
      i = s.end;
    } else if (c === '<' && text[i + 1] === '<') {
      const end = skipHeredoc(text, i);
      header.push({ kind: 'other', text: '<<' });
      i = end ?? i + 2;
    } else if (c === '{') {
      if (depth === 0 && header.length === 2 && header[0].kind === 'ident' && header[0].text === 'variable') {
        const label = header[1];
        if ((label.kind === 'string' || label.kind === 'ident') && label.text !== '') names.push(label.text);
      }
      depth++;
      header.push({ kind: 'other', text: c });
      i++;
    } else if (c === '}') {
      depth = Math.max(0, depth - 1);
      if (depth === 0) header = [];
      i++;
    } else if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < text.length && IDENT_CHAR.test(text[j])) j++;
      header.push({ kind: 'ident', text: text.slice(i, j) });
      i = j;
    } else {
      header.push({ kind: 'other', text: c });
      i++;
    }
  }
  return names;
}

/** The names under `variable` of a Terraform JSON file (`*.tf.json`). */
function jsonVariableNames(text: string): string[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  const blocks = (doc as { variable?: unknown } | null)?.variable;
  const list = Array.isArray(blocks) ? blocks : [blocks];
  return list.flatMap((b) =>
    b !== null && typeof b === 'object' && !Array.isArray(b) ? Object.keys(b) : [],
  );
}

/** True when the template's Transform hands it to Terraform. */
export function isTerraformTransform(transform: unknown): boolean {
  return typeof transform === 'string' && transform.startsWith('Aliyun::Terraform-');
}

/**
 * The variables that are the stack's parameters: those of the root module, that is of the `.tf`
 * and `.tf.json` files at the top of `Workspace` (files in folders are child modules, whose
 * variables their caller sets).
 */
export function terraformVariables(workspace: unknown): Set<string> {
  const names = new Set<string>();
  if (workspace === null || typeof workspace !== 'object' || Array.isArray(workspace)) return names;
  for (const [file, content] of Object.entries(workspace)) {
    if (typeof content !== 'string' || file.includes('/')) continue;
    const found = file.endsWith('.tf.json')
      ? jsonVariableNames(content)
      : file.endsWith('.tf')
        ? hclVariableNames(content)
        : [];
    for (const name of found) names.add(name);
  }
  return names;
}
