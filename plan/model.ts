/**
 * The plan's data: what a stack change will do to resources and to the RAM users of the target
 * accounts (issue 14). Pure types; `compute.ts` fills them, `format.ts` renders them.
 */

export type ResourceAction = 'create' | 'update' | 'replace' | 'delete' | 'none';

/**
 * What happens to the RAM user of one CloudSSO user in one account (plan/README.md "Rules"):
 * `fail` = the synchronisation is expected to fail (a failed event, no RAM user).
 */
export type IdentityAction = 'create' | 'create-renamed' | 'take-over' | 'delete' | 'keep' | 'fail';

export interface IdentityEffect {
  accountId: string;
  /** The CloudSSO user name (or its ID when the name could not be read). */
  user: string;
  /** The RAM user name that results (`<user>_sso` for create-renamed). */
  ramUser: string;
  action: IdentityAction;
}

export type ClientIdAction = 'add' | 'remove' | 'keep';

export interface ClientIdEffect {
  provider: string;
  clientId: string;
  action: ClientIdAction;
  /** Roles of the provider's account whose trust policy accepts this audience; absent when not read. */
  trustingRoles?: string[];
}

/** The principal as the plan saw it: a group's member count is what a later member change makes stale. */
export interface PrincipalSeen {
  type: string;
  id: string;
  name?: string;
  /** Users the plan counted for it (1 for a user). */
  members?: number;
}

export interface ResourcePlan {
  logicalId: string;
  type: string;
  action: ResourceAction;
  /** Properties whose change makes this a replacement (delete, then create). */
  replaceBecause?: string;
  /** Set when this change is refused (by ROS or by the provider): nothing of the update happens. */
  refusedBecause?: string;
  principal?: PrincipalSeen;
  identities: IdentityEffect[];
  clientIds?: ClientIdEffect[];
}

/** Something the plan could not know: never guessed silently. */
export interface Unknown {
  logicalId?: string;
  accountId?: string;
  reason: string;
}

export interface PlanSummary {
  create: number;
  createRenamed: number;
  takeOver: number;
  delete: number;
  keep: number;
}

export interface PlanResult {
  resources: ResourcePlan[];
  summary: PlanSummary;
  unknown: Unknown[];
  /** The stack operation as a whole is refused (one refused resource refuses the update). */
  refused?: string;
}

/** A property value the plan could not evaluate (a GetAtt of a resource not yet created, say). */
export class Unresolved {
  constructor(readonly reason: string) {}
  toJSON(): string {
    return `(unresolved: ${this.reason})`;
  }
}

/** One resource of a stack side, its properties evaluated as far as they can be. */
export interface PlanResourceInput {
  logicalId: string;
  type: string;
  properties: Record<string, unknown>;
  deletionPolicy?: string;
  /** The physical ID the stack recorded (local mode); absent when not known (live plan). */
  physicalId?: string;
}

export interface StackSide {
  /** Dependencies first (the order the runner applies them). */
  resources: PlanResourceInput[];
}

export interface PlanInput {
  /** The stack as deployed; absent for a new stack. */
  old?: StackSide & { stackId?: string };
  /** The template to apply; absent for a stack delete. */
  new?: StackSide;
  /** The update enables replacement (ROS's ReplacementOption; `--replacement`). */
  replacement: boolean;
  /** Where the OIDC providers of `Custom::RAMOIDCClientId` live (the handler's account). */
  providerAccountId?: string;
}
