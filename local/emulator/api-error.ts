/**
 * An error the emulator answers with, in the service's own words: the code string the real API
 * uses and the HTTP status it comes with (cloud-apis.md §6).
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
    /** Extra keys of the error body, e.g. `AccessDeniedDetail` of a denial. */
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function missingParameter(name: string): ApiError {
  return new ApiError(
    'MissingParameter',
    400,
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );
}

export function invalidParameter(name: string, detail: string): ApiError {
  return new ApiError(`InvalidParameter.${name}`, 400, `The parameter "${name}" is invalid: ${detail}`);
}

/** CloudSSO spells its not-found family `EntityNotExists.*`. */
export function cloudSsoNotFound(entity: string, id: string): ApiError {
  return new ApiError(`EntityNotExists.${entity}`, 404, `The specified ${entity} "${id}" does not exist.`);
}

/** IMS (RAM) spells its not-found family `EntityNotExist.*`, without the "s". */
export function imsNotFound(entity: string, id: string): ApiError {
  return new ApiError(`EntityNotExist.${entity}`, 404, `The specified ${entity} "${id}" does not exist.`);
}

export function alreadyExists(entity: string, id: string): ApiError {
  return new ApiError(`EntityAlreadyExists.${entity}`, 409, `The ${entity} "${id}" already exists.`);
}

export function limitExceeded(entity: string, limit: number): ApiError {
  return new ApiError(
    `LimitExceeded.${entity}`,
    409,
    `The maximum number of ${entity} (${limit}) is exceeded.`,
  );
}
