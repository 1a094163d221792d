import type { SchemaIssue } from '../schemas/validate';

/** Bad input (event fields, properties or an API request), described in the linter's words. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly issues: readonly SchemaIssue[] = [],
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** A failed cloud API call; made only in `clients/`, so every other layer sees one shape. */
export class CloudError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** 0 when no HTTP answer arrived (network error, timeout). */
    readonly httpStatus: number,
    readonly requestId: string,
    readonly retryable: boolean,
    readonly action: string,
  ) {
    super(message);
    this.name = 'CloudError';
  }

  // What a code means is decided in clients/error-codes.ts, by code only (never by HTTP status).
}

/** A non-editable property changed; ROS cannot replace a custom resource from an Update (§1.7). */
export class ReplacementRequired extends Error {
  constructor(readonly properties: readonly string[]) {
    super(
      `${properties.join(', ')} cannot be changed in an update; the resource must be replaced ` +
        '(ROS cannot change a physical ID in an update): give it a new logical ID, or delete and re-create it',
    );
    this.name = 'ReplacementRequired';
  }
}

/** The resource a physical ID names is no longer there (removed outside the stack). */
export class ResourceMissing extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResourceMissing';
  }
}

/** The function's own setup is wrong (environment, credentials): the operator must fix it, not the template. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(`configuration error: ${message}`);
    this.name = 'ConfigurationError';
  }
}

/** A step ran out of time (the deadline guard answers; this stops the step's own retries). */
export class DeadlineExceeded extends Error {
  constructor(what: string) {
    super(`timed out: not enough time left for ${what}`);
    this.name = 'DeadlineExceeded';
  }
}

/** The text of any thrown value, without a stack. */
export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : String(err);
}
