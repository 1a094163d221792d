/**
 * RAM policy documents as the emulator reads them: permission policies (a RAM user's, a role's, an
 * STS session `Policy`) and trust policies (a role's `AssumeRolePolicyDocument`). The grammar is
 * RAM's `{"Version":"1","Statement":[{Effect, Action|NotAction, Resource|NotResource, Principal,
 * Condition}]}` (D-RAM-GR sample, SDK-STS); conditions are not evaluated (README, "Permissions").
 */

export type Effect = 'Allow' | 'Deny';

export interface PolicyStatement {
  effect: Effect;
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  /** Trust policies only: `{"RAM": [...], "Service": [...], "Federated": [...]}`. */
  principals?: Record<string, string[]>;
  hasCondition: boolean;
}

export interface PolicyDocument {
  statements: PolicyStatement[];
}

export type PolicyKind = 'permission' | 'trust';

/** What a document decides for one request: an explicit Deny wins over an Allow; neither is an implicit deny. */
export type PolicyDecision = 'allow' | 'explicit-deny' | 'implicit-deny';

export class PolicyGrammarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyGrammarError';
  }
}

/** Parses a document given as JSON text or as an already parsed object; throws `PolicyGrammarError`. */
export function parsePolicy(input: unknown, kind: PolicyKind): PolicyDocument {
  let raw = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch {
      throw new PolicyGrammarError('the policy is not valid JSON');
    }
  }
  const root = mapping(raw, 'the policy');
  if (root.Version !== '1') throw new PolicyGrammarError('"Version" must be "1"');
  const list = Array.isArray(root.Statement) ? root.Statement : [root.Statement];
  if (root.Statement === undefined || list.length === 0)
    throw new PolicyGrammarError('"Statement" must hold at least one statement');
  return { statements: list.map((s, i) => parseStatement(s, `Statement[${i}]`, kind)) };
}

function parseStatement(raw: unknown, at: string, kind: PolicyKind): PolicyStatement {
  const s = mapping(raw, at);
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny')
    throw new PolicyGrammarError(`${at}.Effect must be "Allow" or "Deny"`);
  const statement: PolicyStatement = { effect: s.Effect, hasCondition: s.Condition !== undefined };
  if (s.Condition !== undefined) mapping(s.Condition, `${at}.Condition`);
  const [actions, notActions] = oneOfPair(s, 'Action', at);
  if (actions !== undefined) statement.actions = actions;
  if (notActions !== undefined) statement.notActions = notActions;
  if (kind === 'trust') {
    const principal = mapping(s.Principal, `${at}.Principal`);
    statement.principals = Object.fromEntries(
      Object.entries(principal).map(([key, value]) => [key, strings(value, `${at}.Principal.${key}`)]),
    );
    return statement;
  }
  const [resources, notResources] = oneOfPair(s, 'Resource', at);
  if (resources !== undefined) statement.resources = resources;
  if (notResources !== undefined) statement.notResources = notResources;
  return statement;
}

/**
 * The decision of `doc` for `action` (`cloudsso:ListUsers`) on `resource` (an ARN; undefined when
 * the emulator does not know the action's resource, and then a statement's Resource is not checked).
 * A statement with a Condition is not evaluated: as an Allow it grants nothing, as a Deny it denies.
 */
export function evaluatePolicy(
  doc: PolicyDocument,
  action: string,
  resource: string | undefined,
): PolicyDecision {
  let allowed = false;
  for (const s of doc.statements) {
    if (!statementCovers(s, action, resource)) continue;
    if (s.effect === 'Deny') return 'explicit-deny';
    if (!s.hasCondition) allowed = true;
  }
  return allowed ? 'allow' : 'implicit-deny';
}

function statementCovers(s: PolicyStatement, action: string, resource: string | undefined): boolean {
  const actionHit =
    s.actions !== undefined
      ? s.actions.some((p) => globMatch(p, action, true))
      : !(s.notActions ?? []).some((p) => globMatch(p, action, true));
  if (!actionHit) return false;
  if (resource === undefined) return true;
  if (s.resources !== undefined) return s.resources.some((p) => globMatch(p, resource, false));
  if (s.notResources !== undefined) return !s.notResources.some((p) => globMatch(p, resource, false));
  return true;
}

/**
 * `*` (any run of characters) and `?` (one character). Action names compare case-insensitively
 * (`ram:listusers` is `ram:ListUsers`), resource ARNs exactly [INFER: RAM's documented wildcards;
 * the case rules are not stated].
 */
export function globMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

function mapping(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new PolicyGrammarError(`${at} must be a JSON object`);
  return value as Record<string, unknown>;
}

function strings(value: unknown, at: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.some((v) => typeof v !== 'string' || v === ''))
    throw new PolicyGrammarError(`${at} must be a non-empty string or list of strings`);
  return list as string[];
}

function optionalStrings(value: unknown, at: string): string[] | undefined {
  return value === undefined ? undefined : strings(value, at);
}

/** `Action` or `NotAction` (`Resource` or `NotResource`): exactly one of the two. */
function oneOfPair(
  s: Record<string, unknown>,
  key: 'Action' | 'Resource',
  at: string,
): [string[] | undefined, string[] | undefined] {
  const plain = optionalStrings(s[key], `${at}.${key}`);
  const not = optionalStrings(s[`Not${key}`], `${at}.Not${key}`);
  if ((plain === undefined) === (not === undefined))
    throw new PolicyGrammarError(`${at} needs exactly one of "${key}" and "Not${key}"`);
  return [plain, not];
}
