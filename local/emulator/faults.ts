/** What may go wrong on purpose. Rates are probabilities per API call, 0–1. */
export interface FaultSpec {
  throttleRate?: number;
  serverErrorRate?: number;
  latencyMs?: number;
  /** CloudSSO user names whose synchronisation into RAM always fails (a failed event is recorded). */
  failSyncFor?: string[];
  /** PRNG seed, so a run with faults is repeatable. */
  seed?: number;
  /**
   * Actions whose first call takes effect and then loses its answer (the connection is closed with
   * no response): the unknown outcome a client must not retry blindly.
   */
  loseAnswerOf?: string[];
  /** Like `loseAnswerOf`, but the answer is HTTP 200 with only a RequestId (not the object the action returns). */
  emptyAnswerOf?: string[];
  /** Once a call of this action succeeded, every later call answers 503 (the service went away mid-operation). */
  failAfter?: string;
  /**
   * Answers the docs leave open (cloud-apis.md §4, §6.2), so a client is tested against both:
   * `ok` makes AddClientIdToOIDCProvider of a client ID the provider already has succeed unchanged
   * (AWS IAM's equivalent call does); the default refuses it with 409.
   */
  addExistingClientId?: 'conflict' | 'ok';
  /** `allow`: CreateUserProvisioning makes another provisioning for a directory + principal + target that has one. */
  duplicateProvisioning?: 'refuse' | 'allow';
}

export type FaultDecision = 'throttle' | 'server-error' | undefined;

export class FaultSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultSpecError';
  }
}

/**
 * Parses the CLI form `throttle=0.2,5xx=0.1,latency=30,sync-fail=alice,seed=7`. Several
 * `sync-fail` entries may be given, or one with names joined by `+`.
 */
export function parseFaults(text: string): FaultSpec {
  const spec: FaultSpec = {};
  for (const part of text.split(',').map((p) => p.trim())) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) throw new FaultSpecError(`fault "${part}": expected name=value`);
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    switch (name) {
      case 'throttle':
        spec.throttleRate = rate(name, value);
        break;
      case '5xx':
        spec.serverErrorRate = rate(name, value);
        break;
      case 'latency':
        spec.latencyMs = whole(name, value);
        break;
      case 'seed':
        spec.seed = whole(name, value);
        break;
      case 'sync-fail':
        spec.failSyncFor = [...(spec.failSyncFor ?? []), ...value.split('+').filter((v) => v !== '')];
        break;
      case 'lose-answer':
        spec.loseAnswerOf = [...(spec.loseAnswerOf ?? []), ...value.split('+').filter((v) => v !== '')];
        break;
      case 'empty-answer':
        spec.emptyAnswerOf = [...(spec.emptyAnswerOf ?? []), ...value.split('+').filter((v) => v !== '')];
        break;
      case 'fail-after':
        spec.failAfter = value;
        break;
      case 'add-existing-client-id':
        spec.addExistingClientId = choice(name, value, ['conflict', 'ok'] as const);
        break;
      case 'duplicate-provisioning':
        spec.duplicateProvisioning = choice(name, value, ['refuse', 'allow'] as const);
        break;
      default:
        throw new FaultSpecError(
          `fault "${name}": unknown; use throttle, 5xx, latency, sync-fail, lose-answer, empty-answer, fail-after, add-existing-client-id, duplicate-provisioning or seed`,
        );
    }
  }
  return spec;
}

function rate(name: string, value: string): number {
  const parsed = Number(value);
  if (value === '' || !Number.isFinite(parsed) || parsed < 0 || parsed > 1) {
    throw new FaultSpecError(`fault "${name}": "${value}" is not a rate between 0 and 1`);
  }
  return parsed;
}

function choice<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new FaultSpecError(`fault "${name}": "${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}

function whole(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new FaultSpecError(`fault "${name}": "${value}" is not a whole number`);
  return Number(value);
}

/** Checks the object form with the same rules as the text form. */
export function normalizeFaults(input: FaultSpec | string | undefined): FaultSpec {
  if (input === undefined) return {};
  const spec = typeof input === 'string' ? parseFaults(input) : { ...input };
  for (const [name, value] of [
    ['throttleRate', spec.throttleRate],
    ['serverErrorRate', spec.serverErrorRate],
  ] as const) {
    if (value !== undefined && !(value >= 0 && value <= 1)) {
      throw new FaultSpecError(`${name}: ${value} is not a rate between 0 and 1`);
    }
  }
  if (spec.latencyMs !== undefined && !(Number.isInteger(spec.latencyMs) && spec.latencyMs >= 0)) {
    throw new FaultSpecError(`latencyMs: ${spec.latencyMs} is not a whole number of milliseconds`);
  }
  return spec;
}

/** Draws fault decisions from a seeded PRNG (mulberry32), one draw per rate per call. */
export class FaultInjector {
  readonly spec: FaultSpec;
  private prngState: number;
  private readonly answersLost = new Set<string>();
  private down = false;

  constructor(input: FaultSpec | string | undefined) {
    this.spec = normalizeFaults(input);
    this.prngState = (this.spec.seed ?? 1) >>> 0;
  }

  get latencyMs(): number {
    return this.spec.latencyMs ?? 0;
  }

  decide(): FaultDecision {
    if (this.down) return 'server-error';
    const throttle = this.spec.throttleRate ?? 0;
    const serverError = this.spec.serverErrorRate ?? 0;
    if (throttle > 0 && this.next() < throttle) return 'throttle';
    if (serverError > 0 && this.next() < serverError) return 'server-error';
    return undefined;
  }

  shouldFailSync(userName: string): boolean {
    return this.spec.failSyncFor?.includes(userName) ?? false;
  }

  /** Called after each successful call: `failAfter` takes the service down after its action. */
  succeeded(action: string): void {
    if (this.spec.failAfter === action) this.down = true;
  }

  /** Once per action named in `loseAnswerOf` / `emptyAnswerOf`: how that call's answer goes wrong. */
  takeBadAnswer(action: string): 'lost' | 'empty' | undefined {
    if (this.answersLost.has(action)) return undefined;
    const how = this.spec.loseAnswerOf?.includes(action)
      ? 'lost'
      : this.spec.emptyAnswerOf?.includes(action)
        ? 'empty'
        : undefined;
    if (how !== undefined) this.answersLost.add(action);
    return how;
  }

  private next(): number {
    this.prngState = (this.prngState + 0x6d2b79f5) >>> 0;
    let t = this.prngState;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
