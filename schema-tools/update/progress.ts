/** Progress of a run, on stderr: one rewritten line on a terminal, a line now and then otherwise. */
export interface Progress {
  /** A type finished (fetched or failed); `done` counts finished types of `total`. */
  advance(done: number, total: number, type: string): void;
  failed(type: string, reason: string): void;
  /** A call was throttled or failed transiently and will be retried after `delayMs`. */
  retrying(type: string, code: string, delayMs: number): void;
  note(line: string): void;
  /** Ends the terminal line, if one is open. */
  finish(): void;
}

export interface ProgressSink {
  write(text: string): void;
  isTTY: boolean;
  now(): number;
}

/** A plain line at least every this many ms, besides every 5 % of the types. */
const PLAIN_INTERVAL_MS = 10_000;
const CLEAR_LINE = '\r\x1b[2K';

export function createProgress(sink: ProgressSink): Progress {
  return sink.isTTY ? ttyProgress(sink) : plainProgress(sink);
}

function ttyProgress(sink: ProgressSink): Progress {
  let line = '';
  const show = (text: string) => {
    line = text;
    sink.write(`${CLEAR_LINE}${text}`);
  };
  // Permanent lines go above the progress line, which is then redrawn.
  const above = (text: string) => sink.write(`${CLEAR_LINE}${text}\n${line}`);
  return {
    advance: (done, total, type) => show(`[${done}/${total}] ${type}`),
    failed: (type, reason) => above(`failed ${type}: ${reason}`),
    retrying: (type, code, delayMs) =>
      sink.write(`${CLEAR_LINE}${line === '' ? type : line} (${code}; retrying in ${seconds(delayMs)})`),
    note: (text) => above(text),
    finish: () => {
      if (line !== '') sink.write(`${CLEAR_LINE}`);
      line = '';
    },
  };
}

function plainProgress(sink: ProgressSink): Progress {
  let lastLine = Number.NEGATIVE_INFINITY;
  let lastRetryLine = Number.NEGATIVE_INFINITY;
  const print = (text: string) => {
    sink.write(`${text}\n`);
    lastLine = sink.now();
  };
  return {
    advance(done, total, type) {
      const step = Math.max(1, Math.ceil(total / 20));
      if (done === total || done % step === 0 || sink.now() - lastLine >= PLAIN_INTERVAL_MS)
        print(`[${done}/${total}] ${type}`);
    },
    failed: (type, reason) => print(`failed ${type}: ${reason}`),
    retrying(type, code, delayMs) {
      // Workers share one pause, so a storm would otherwise print a line per worker per try.
      if (sink.now() - lastRetryLine < 5_000) return;
      lastRetryLine = sink.now();
      print(`${type}: ${code}; retrying in ${seconds(delayMs)}`);
    },
    note: print,
    finish: () => undefined,
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
