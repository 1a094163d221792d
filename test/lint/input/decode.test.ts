import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from '../../../lint/input/decode';
import { terminalSafe } from '../../../lint/formatters/terminal';

const utf32 = (text: string, littleEndian: boolean) => {
  const points = [...text].map((c) => c.codePointAt(0)!);
  const out = Buffer.alloc(points.length * 4);
  points.forEach((cp, i) => (littleEndian ? out.writeUInt32LE(cp, i * 4) : out.writeUInt32BE(cp, i * 4)));
  return out;
};

/** Text of full Unicode, no unpaired surrogates (what an editor can save). */
const text = fc.string({ unit: 'grapheme', maxLength: 60 });

describe('decodeText', () => {
  it('round-trips any text saved as UTF-8, UTF-16 or UTF-32 with a BOM', () => {
    fc.assert(
      fc.property(text, (s) => {
        const withBom = `\uFEFF${s}`;
        for (const bytes of [
          Buffer.from(withBom, 'utf8'),
          Buffer.from(withBom, 'utf16le'),
          Buffer.from(withBom, 'utf16le').swap16(),
          utf32(withBom, true),
          utf32(withBom, false),
        ]) {
          const decoded = decodeText(bytes);
          expect(decoded).toMatchObject({ ok: true, text: withBom });
        }
      }),
    );
  });

  it('detects BOM-less UTF-16 and UTF-32 by the NULs around a first ASCII character (YAML 1.2 §5.2)', () => {
    const yaml = 'ROSTemplateFormatVersion: x\n';
    expect(detectEncoding(Buffer.from(yaml, 'utf16le'))).toBe('UTF-16LE');
    expect(detectEncoding(Buffer.from(yaml, 'utf16le').swap16())).toBe('UTF-16BE');
    expect(detectEncoding(utf32(yaml, true))).toBe('UTF-32LE');
    expect(detectEncoding(utf32(yaml, false))).toBe('UTF-32BE');
    expect(decodeText(utf32(yaml, false))).toMatchObject({ ok: true, text: yaml });
    expect(detectEncoding(Buffer.from(yaml))).toBe('UTF-8');
    expect(detectEncoding(Buffer.alloc(0))).toBe('UTF-8');
  });

  it('places the first invalid UTF-8 byte exactly: the bytes before it are valid, it starts no sequence', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), text, (noise, prefix) => {
        const bytes = Buffer.concat([Buffer.from(prefix), noise]);
        const decoded = decodeText(bytes);
        if (detectEncoding(bytes) !== 'UTF-8') return;
        expect(decoded.ok).toBe(isUtf8(bytes));
        if (decoded.ok) return;
        const at = Buffer.byteLength(decoded.text.slice(0, decoded.offset), 'utf8');
        // Node's own validator (simdutf) agrees: valid up to the reported byte, not with 4 more.
        expect(isUtf8(bytes.subarray(0, at))).toBe(true);
        expect(isUtf8(bytes.subarray(0, at + 4))).toBe(false);
        expect(decoded.message).toMatch(
          /^not valid UTF-8 at line \d+, column \d+ \(byte 0x[0-9a-f]{2}\); save the file as UTF-8$/,
        );
      }),
    );
  });

  it('counts the line and column of an invalid byte as findings do', () => {
    const bytes = Buffer.concat([
      Buffer.from('a: 1\nb: "\u00e9t\u00e9 '),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"\n'),
    ]);
    expect(decodeText(bytes)).toMatchObject({
      ok: false,
      offset: 13,
      message: 'not valid UTF-8 at line 2, column 9 (byte 0xc3); save the file as UTF-8',
    });
    // Overlong forms, surrogates and code points past U+10FFFF are invalid, as RFC 3629 says.
    for (const bad of [
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf5],
    ])
      expect(decodeText(Buffer.from([0x41, ...bad])).ok, bad.join(',')).toBe(false);
  });

  it('reports an unpaired surrogate in UTF-16 and an invalid code point in UTF-32', () => {
    const lone = Buffer.concat([
      Buffer.from('\uFEFFab\n', 'utf16le'),
      Buffer.from([0x00, 0xd8]),
      Buffer.from('c', 'utf16le'),
    ]);
    expect(decodeText(lone)).toMatchObject({ ok: false, offset: 4, encoding: 'UTF-16LE' });
    const big = Buffer.concat([utf32('\uFEFFx', true), Buffer.from([0, 0, 0x11, 0])]);
    expect(decodeText(big)).toMatchObject({
      ok: false,
      offset: 2,
      message: expect.stringContaining('code point 0x110000'),
    });
  });
});

describe('terminalSafe', () => {
  it('leaves no character a terminal acts on, keeps tab and newline, and changes nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const safe = terminalSafe(s);
        expect(safe).not.toMatch(
          /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/,
        );
        // Printable text and tab/newline pass unchanged.
        const plain = s.replace(
          /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
          '',
        );
        if (plain === s) expect(safe).toBe(s);
      }),
    );
    expect(terminalSafe('a\u001b[2Jb\tc\n\u009b\u202e')).toBe('a\\x1B[2Jb\tc\n\\x9B\\u202E');
  });
});
