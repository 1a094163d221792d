import type { Io } from '../cli/io';
import { formatBytes } from './code-package';
import type { DeployResult, Progress } from './deploy';

/**
 * Wraps the output so that no line can carry the secret or the STS token, whatever an error
 * message echoes (the AccessKey ID is not secret and helps to tell identities apart).
 */
export function maskingIo(io: Io, secrets: readonly (string | undefined)[]): Io {
  const values = secrets.filter((s): s is string => s !== undefined && s.length >= 4);
  if (values.length === 0) return io;
  const mask = (text: string) => values.reduce((out, secret) => out.split(secret).join('***'), text);
  return { ...io, stdout: (text) => io.stdout(mask(text)), stderr: (text) => io.stderr(mask(text)) };
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Steps as `→ …` lines on stderr, so stdout stays the ARN alone. */
export function stderrProgress(io: Io): Progress {
  return {
    step: (text) => io.stderr(`→ ${text}\n`),
    note: (text) => io.stderr(`  ${text}\n`),
  };
}

export function successLine(result: DeployResult, functionArn: string): string {
  const f = result.function;
  const code = f.codeSize === undefined ? '' : `code ${formatBytes(f.codeSize)}, `;
  return `✔ ${result.action} ${functionArn} (${code}${formatSeconds(result.elapsedMs)})\n`;
}

/** `--json`: one object on stdout; the ARN is the custom resources' ServiceToken. */
export function successJson(result: DeployResult, functionArn: string, region: string): string {
  const f = result.function;
  return `${JSON.stringify({
    ok: true,
    action: result.action,
    functionArn,
    functionName: f.functionName,
    region,
    runtime: f.runtime,
    handler: f.handler,
    codeSize: f.codeSize,
    codeChecksum: f.codeChecksum,
    state: f.state,
    changes: result.changes,
    elapsedMs: result.elapsedMs,
  })}\n`;
}

export interface FailureReport {
  kind: string;
  message: string;
  code?: string;
  requestId?: string;
}

export function failureJson(failure: FailureReport): string {
  return `${JSON.stringify({ ok: false, error: failure })}\n`;
}
