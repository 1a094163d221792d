/** RFC 6901 JSON Pointer helpers (escaping is schemas/validate.ts's, shared with the schema issues). */
import { escapePointerToken } from '../schemas/validate';

export function unescapeToken(token: string): string {
  // Most tokens have no escapes; skipping the two regex passes matters on the lint hot path.
  return token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token;
}

export function joinPointer(base: string, ...tokens: Array<string | number>): string {
  let out = base;
  for (const t of tokens) out += `/${typeof t === 'number' ? t : escapePointerToken(t)}`;
  return out;
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  const tokens = pointer.slice(1).split('/');
  return pointer.includes('~') ? tokens.map(unescapeToken) : tokens;
}

export function parentPointer(pointer: string): string {
  const cut = pointer.lastIndexOf('/');
  return cut <= 0 ? '' : pointer.slice(0, cut);
}

/** The value at a pointer, or `undefined`. Own properties only. */
export function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const token of splitPointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
