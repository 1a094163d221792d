import { isUtf8 } from 'node:buffer';

export type Encoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'UTF-32LE' | 'UTF-32BE';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding }
  /** `text` is a lossy decoding (for placing a finding); `offset` is where the first bad unit starts in it. */
  | { ok: false; text: string; encoding: Encoding; offset: number; message: string };

/**
 * The encoding of a YAML stream as YAML 1.2 §5.2 detects it: by its byte order mark, else by the
 * NUL bytes around a first ASCII character. Anything else is UTF-8.
 */
export function detectEncoding(bytes: Uint8Array): Encoding {
  const [a, b, c, d] = bytes;
  if (bytes.length >= 4 && a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32BE';
  if (bytes.length >= 4 && a === 0xff && b === 0xfe && c === 0 && d === 0) return 'UTF-32LE';
  if (bytes.length >= 2 && a === 0xfe && b === 0xff) return 'UTF-16BE';
  if (bytes.length >= 2 && a === 0xff && b === 0xfe) return 'UTF-16LE';
  if (bytes.length >= 4 && a === 0 && b === 0 && c === 0 && d !== 0) return 'UTF-32BE';
  if (bytes.length >= 4 && a !== 0 && b === 0 && c === 0 && d === 0) return 'UTF-32LE';
  if (bytes.length >= 2 && a === 0 && b !== 0) return 'UTF-16BE';
  if (bytes.length >= 2 && a !== 0 && b === 0) return 'UTF-16LE';
  return 'UTF-8';
}

/**
 * At most this many bytes of the encoding per byte of the same text in UTF-8 (ASCII is 1 byte in
 * UTF-8, 2 in UTF-16, 4 in UTF-32): bounds what is read before decoding.
 */
export function bytesPerUtf8Byte(encoding: Encoding): number {
  return encoding === 'UTF-8' ? 1 : encoding.startsWith('UTF-16') ? 2 : 4;
}

/** Byte length of a complete, valid UTF-8 sequence starting at `i`, or 0 if it is not one (RFC 3629). */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i];
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) =>
    i + k < bytes.length && bytes[i + k] >= lo && bytes[i + k] <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    // E0 needs A0.. (no overlong forms), ED at most 9F (no surrogates).
    const ok = cont(1, b0 === 0xe0 ? 0xa0 : 0x80, b0 === 0xed ? 0x9f : 0xbf) && cont(2);
    return ok ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const ok = cont(1, b0 === 0xf0 ? 0x90 : 0x80, b0 === 0xf4 ? 0x8f : 0xbf) && cont(2) && cont(3);
    return ok ? 4 : 0;
  }
  return 0;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const n = utf8SequenceLength(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

/** 1-based line and column (UTF-16 code units, as findings count them) of `offset` in `text`. */
function lineColumn(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return `line ${line}, column ${offset - lineStart + 1}`;
}

function invalid(text: string, encoding: Encoding, offset: number, what: string): Decoded {
  return {
    ok: false,
    text,
    encoding,
    offset,
    message: `not valid ${encoding} at ${lineColumn(text, offset)} (${what}); save the file as UTF-8`,
  };
}

function decodeUtf8(bytes: Buffer): Decoded {
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return { ok: true, text, encoding: 'UTF-8' };
  const at = firstInvalidUtf8(bytes);
  const offset = bytes.subarray(0, at).toString('utf8').length;
  return invalid(text, 'UTF-8', offset, `byte 0x${bytes[at].toString(16).padStart(2, '0')}`);
}

// With the `u` flag a surrogate class matches only an unpaired one.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function decodeUtf16(bytes: Buffer, encoding: 'UTF-16LE' | 'UTF-16BE'): Decoded {
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  const units = encoding === 'UTF-16LE' ? even : Buffer.from(even).swap16();
  const text = units.toString('utf16le');
  const lone = LONE_SURROGATE.exec(text);
  if (lone) return invalid(text, encoding, lone.index, 'an unpaired surrogate');
  if (even.length !== bytes.length) return invalid(text, encoding, text.length, 'an odd number of bytes');
  return { ok: true, text, encoding };
}

function decodeUtf32(bytes: Buffer, encoding: 'UTF-32LE' | 'UTF-32BE'): Decoded {
  const parts: string[] = [];
  let length = 0;
  let bad: string | undefined;
  const chunk: number[] = [];
  const flush = () => {
    const s = String.fromCodePoint(...chunk);
    parts.push(s);
    length += s.length;
    chunk.length = 0;
  };
  let i = 0;
  for (; i + 4 <= bytes.length; i += 4) {
    const cp = encoding === 'UTF-32LE' ? bytes.readUInt32LE(i) : bytes.readUInt32BE(i);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      bad = `code point 0x${cp.toString(16)}`;
      break;
    }
    chunk.push(cp);
    if (chunk.length === 4096) flush();
  }
  flush();
  const text = parts.join('');
  if (bad) return invalid(text, encoding, length, bad);
  if (i !== bytes.length) return invalid(text, encoding, length, 'a length that is not a multiple of 4');
  return { ok: true, text, encoding };
}

/** Decodes a file's bytes to text: UTF-8, or UTF-16/32 told by YAML's detection; never throws. */
export function decodeText(bytes: Buffer): Decoded {
  const encoding = detectEncoding(bytes);
  if (encoding === 'UTF-8') return decodeUtf8(bytes);
  if (encoding === 'UTF-16LE' || encoding === 'UTF-16BE') return decodeUtf16(bytes, encoding);
  return decodeUtf32(bytes, encoding);
}
