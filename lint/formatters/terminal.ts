/**
 * Characters a template must not get to send to a terminal or a CI log: C0 controls other than tab
 * and newline (ESC starts every ANSI sequence, CR rewrites the line), DEL, C1 controls (0x9B is a
 * one-byte CSI), and the Unicode separators and bidirectional controls that make a line display
 * other than it reads.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (code: number, width: number) => code.toString(16).toUpperCase().padStart(width, '0');

/** `text` with each unsafe character written as a visible escape (`\x1B`, `\u202E`). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  });
}
