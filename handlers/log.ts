/** Fields every log line of one invocation carries. */
export interface LogContext {
  fcRequestId: string;
  requestId?: string;
  stackId?: string;
  logicalResourceId?: string;
  resourceType?: string;
  requestType?: string;
}

export type LogOutcome = 'start' | 'ok' | 'retry' | 'failed' | 'skipped' | 'ignored';

export interface LogEntry {
  step: string;
  outcome: LogOutcome;
  action?: string;
  ms?: number;
  [field: string]: unknown;
}

export interface Logger {
  /** One JSON line per step. */
  log(entry: LogEntry): void;
  /** Adds fields known later (after the event is parsed). */
  bind(fields: Partial<LogContext>): void;
  /** Registers values that must never appear in a line (credentials), whatever field they hide in. */
  addSecrets(...values: Array<string | undefined>): void;
}

/** Origin + path + `?***`: a presigned URL's query string is a bearer credential. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}${parsed.search === '' ? '' : '?***'}`;
  } catch {
    return '<unparseable URL>';
  }
}

const SECRET_KEY = /secret|token|password|signature|credential/i;
const URL_KEY = /url$/i;

/**
 * A logger writing one JSON line per entry to `sink`. Redaction lives here so no caller can forget it:
 * keys that name secrets are masked, URL-valued keys lose their query string, and registered secret
 * values are scrubbed from the finished line.
 */
export function createLogger(sink: (line: string) => void, context: LogContext): Logger {
  const fields: LogContext = { ...context };
  const secrets = new Set<string>();
  return {
    bind(more) {
      Object.assign(fields, more);
    },
    addSecrets(...values) {
      for (const v of values) if (v !== undefined && v.length >= 4) secrets.add(v);
    },
    log(entry) {
      const safe: Record<string, unknown> = { time: new Date().toISOString(), ...fields };
      for (const [key, value] of Object.entries(entry)) safe[key] = redactField(key, value);
      let line = JSON.stringify(safe);
      for (const secret of secrets) line = line.split(secret).join('***');
      try {
        sink(line);
      } catch {
        // Logging must never break the answer to ROS.
      }
    },
  };
}

function redactField(key: string, value: unknown): unknown {
  if (SECRET_KEY.test(key)) return '***';
  if (typeof value === 'string' && URL_KEY.test(key)) return redactUrl(value);
  return value;
}
