import type { DirectoryView } from './directory-view';
import type {
  ClientIdEffect,
  IdentityEffect,
  PlanInput,
  PlanResourceInput,
  PlanResult,
  PlanSummary,
  ResourcePlan,
} from './model';
import { createProvisioning, deleteProvisioning, findProvisioning, keptUsers } from './provisioning-effects';
import { classifyChange } from './resource-actions';
import {
  CUSTOM_CLIENT_ID,
  CUSTOM_PROVISION,
  clientIdSpec,
  customDeleteOwnership,
  isClientIdResource,
  isProvisioningId,
  isProvisionType,
  provisionSpec,
} from './specs';
import { trustingRoles } from './trusting-roles';
import { WorkingState } from './working-state';

/** Where the OIDC providers live when the caller names no account: the plan identity's own. */
export const CREDENTIALS_ACCOUNT = 'credentials';

type Effects = {
  identities: IdentityEffect[];
  clientIds: ClientIdEffect[];
  principal?: ResourcePlan['principal'];
};

/**
 * The plan of one stack operation (create, update or delete), walked in the order the runner
 * applies it: the new template's resources dependencies first (a replacement deletes, then
 * creates), then the resources that left the template, last first. Pure: reads only `view`.
 */
export function computePlan(input: PlanInput, view: DirectoryView): PlanResult {
  const ws = new WorkingState(view);
  const stackId = input.old?.stackId;
  const oldById = new Map((input.old?.resources ?? []).map((r) => [r.logicalId, r]));
  const newIds = new Set((input.new?.resources ?? []).map((r) => r.logicalId));
  const walker = new EffectWalker(ws, input, stackId);
  const plans: ResourcePlan[] = [];
  let refused: string | undefined;
  const refuse = (logicalId: string, reason: string) => {
    refused ??= `${logicalId}: ${reason}`;
  };
  for (const after of input.new?.resources ?? []) {
    const before = oldById.get(after.logicalId);
    const base = { logicalId: after.logicalId, type: after.type };
    if (before === undefined) {
      plans.push({ ...base, action: 'create', ...walker.create(after, refuse) });
      continue;
    }
    const change = classifyChange(before, after, input.replacement, stackId);
    if (change.unknown !== undefined) ws.note({ logicalId: after.logicalId, reason: change.unknown });
    if (change.refusedBecause !== undefined) refuse(after.logicalId, change.refusedBecause);
    const plan: ResourcePlan = {
      ...base,
      action: change.action,
      ...(change.replaceBecause === undefined ? {} : { replaceBecause: change.replaceBecause }),
      ...(change.refusedBecause === undefined ? {} : { refusedBecause: change.refusedBecause }),
      identities: [],
    };
    if (change.action === 'replace' && change.refusedBecause === undefined) {
      const [was, will] = [provisionSpec(before), provisionSpec(after)];
      if (isProvisionType(after.type) && was.ok && will.ok && was.spec.targetId === will.spec.targetId)
        ws.note({
          logicalId: after.logicalId,
          accountId: will.spec.targetId,
          reason:
            "shown delete-first, as the local runner replaces; ROS documents both orders, and created first the new provisioning would meet the old one's RAM users (KeepBoth: _sso twins, TakeOver: re-owned) before they are deleted",
        });
      const gone = walker.delete(before, after.deletionPolicy);
      const made = walker.create(after, refuse);
      plan.identities = [...gone.identities, ...made.identities];
      if (made.principal) plan.principal = made.principal;
      const clientIds = [...gone.clientIds, ...made.clientIds];
      if (clientIds.length > 0) plan.clientIds = clientIds;
    } else if (change.action === 'update' && isProvisionType(after.type)) walker.update(before, after);
    plans.push(plan);
  }
  const removed = (input.old?.resources ?? []).filter((r) => !newIds.has(r.logicalId)).reverse();
  for (const before of removed) {
    const gone = walker.delete(before, before.deletionPolicy);
    plans.push({ logicalId: before.logicalId, type: before.type, action: 'delete', ...withClientIds(gone) });
  }
  if (refused !== undefined) {
    // ROS applies none of a refused update (the local runner rolls back what it applied first).
    for (const plan of plans) {
      plan.identities = [];
      delete plan.clientIds;
    }
  }
  return {
    resources: plans,
    summary: summarize(plans),
    unknown: ws.unknown,
    ...(refused === undefined ? {} : { refused }),
  };
}

function withClientIds(effects: Effects): Pick<ResourcePlan, 'identities' | 'clientIds' | 'principal'> {
  return {
    identities: effects.identities,
    ...(effects.clientIds.length > 0 ? { clientIds: effects.clientIds } : {}),
    ...(effects.principal ? { principal: effects.principal } : {}),
  };
}

export function summarize(plans: readonly ResourcePlan[]): PlanSummary {
  const all = plans.flatMap((p) => p.identities);
  const count = (action: IdentityEffect['action']) => all.filter((i) => i.action === action).length;
  return {
    create: count('create'),
    createRenamed: count('create-renamed'),
    takeOver: count('take-over'),
    delete: count('delete'),
    keep: count('keep'),
  };
}

/** Applies one resource's create or delete to the working state and returns its effects. */
class EffectWalker {
  private readonly providerAccount: string;

  constructor(
    private readonly ws: WorkingState,
    input: PlanInput,
    private readonly stackId: string | undefined,
  ) {
    this.providerAccount = input.providerAccountId ?? CREDENTIALS_ACCOUNT;
  }

  create(
    r: PlanResourceInput,
    refuse: (id: string, reason: string) => void,
  ): Effects & { identities: IdentityEffect[] } {
    if (isProvisionType(r.type)) {
      const spec = provisionSpec(r);
      if (!spec.ok) {
        this.ws.note({ logicalId: r.logicalId, reason: `${spec.reason}: its identity effects are unknown` });
        return { identities: [], clientIds: [] };
      }
      const outcome = createProvisioning(this.ws, r.logicalId, spec.spec, r.type === CUSTOM_PROVISION);
      if (outcome.refused !== undefined) refuse(r.logicalId, outcome.refused);
      if (outcome.adopted !== undefined)
        this.ws.note({
          logicalId: r.logicalId,
          reason: `adopts the existing provisioning ${outcome.adopted.userProvisioningId}: nothing is synchronised by this stack, and its delete will release it (no RAM user deleted)${spec.spec.takeOwnership ? '; TakeOwnershipOfExisting hands it to this stack, whose delete then applies DeletionStrategy' : ''}`,
        });
      return { identities: outcome.identities, clientIds: [], principal: outcome.principal };
    }
    if (r.type === CUSTOM_CLIENT_ID) return { identities: [], clientIds: this.clientIdEffect(r, 'create') };
    return { identities: [], clientIds: [] };
  }

  /** An in-place update: settings change for later syncs; no RAM user changes now. */
  update(before: PlanResourceInput, after: PlanResourceInput): void {
    const old = provisionSpec(before);
    const wanted = provisionSpec(after);
    if (!old.ok || !wanted.ok) return;
    const p = findProvisioning(this.ws, old.spec, idOf(before));
    if (p === undefined) return;
    p.duplicationStrategy = wanted.spec.duplicationStrategy;
    p.deletionStrategy = wanted.spec.deletionStrategy;
  }

  delete(r: PlanResourceInput, deletionPolicy: string | undefined): Effects {
    const none: Effects = { identities: [], clientIds: [] };
    if (r.type === CUSTOM_CLIENT_ID)
      return { identities: [], clientIds: this.clientIdEffect(r, 'delete', deletionPolicy) };
    if (!isProvisionType(r.type)) return none;
    const spec = provisionSpec(r);
    if (!spec.ok) {
      this.ws.note({ logicalId: r.logicalId, reason: `${spec.reason}: what its delete does is unknown` });
      return none;
    }
    let id = idOf(r);
    let release: string | undefined = deletionPolicy === 'Retain' ? 'DeletionPolicy Retain' : undefined;
    if (r.type === CUSTOM_PROVISION && release === undefined) {
      const ownership = customDeleteOwnership(
        r.physicalId,
        this.stackId,
        spec.spec.takeOwnership,
        isProvisioningId,
      );
      if (ownership.kind === 'none') return none;
      if (ownership.kind === 'released') release = ownership.why;
      if (ownership.kind === 'unknown')
        this.ws.note({
          logicalId: r.logicalId,
          reason:
            'whether this stack created or adopted the provisioning is recorded only in its physical ID, which the plan did not read: shown as created; if adopted, the delete releases it and no RAM user is deleted',
        });
      id = ownership.kind === 'owned' || ownership.kind === 'released' ? ownership.resourceId : undefined;
    }
    const p = findProvisioning(this.ws, spec.spec, id);
    if (p === undefined) {
      const read = this.ws.provisionings(spec.spec.directoryId);
      if (!read.ok)
        this.ws.note({
          logicalId: r.logicalId,
          reason: `provisionings of ${spec.spec.directoryId} not read (${read.reason}): its delete's effects are unknown`,
        });
      return none;
    }
    if (release !== undefined) {
      this.ws.note({
        logicalId: r.logicalId,
        reason: `${release}: the provisioning stays and its RAM users are kept`,
      });
      return { identities: keptUsers(this.ws, r.logicalId, p), clientIds: [] };
    }
    if (
      p.syncedUsers === undefined &&
      r.type !== CUSTOM_PROVISION &&
      p.deletionStrategy !== spec.spec.deletionStrategy
    )
      this.ws.note({
        logicalId: r.logicalId,
        accountId: p.targetId,
        reason: `the provisioning's stored DeletionStrategy is ${p.deletionStrategy}, the template's ${spec.spec.deletionStrategy}: whether ROS sends the template's on delete is not documented; shown with the template's`,
      });
    return {
      identities: deleteProvisioning(this.ws, r.logicalId, p, spec.spec.deletionStrategy),
      clientIds: [],
    };
  }

  private clientIdEffect(
    r: PlanResourceInput,
    step: 'create' | 'delete',
    deletionPolicy?: string,
  ): ClientIdEffect[] {
    const spec = clientIdSpec(r);
    if (!spec.ok) {
      this.ws.note({ logicalId: r.logicalId, reason: `${spec.reason}: the client ID effect is unknown` });
      return [];
    }
    const { providerName, clientId } = spec.spec;
    const provider = this.ws.provider(this.providerAccount, providerName);
    if (!provider.ok) {
      this.ws.note({
        logicalId: r.logicalId,
        reason: `OIDC provider ${providerName} not read (${provider.reason}): the client ID effect is unknown`,
      });
      return [];
    }
    const ids = provider.value.clientIds;
    let action: ClientIdEffect['action'] = 'keep';
    if (step === 'create') {
      if (ids.includes(clientId))
        this.ws.note({
          logicalId: r.logicalId,
          reason: `${clientId} is already on ${providerName}: adopted, and left there when the stack is deleted unless TakeOwnershipOfExisting is true`,
        });
      else {
        ids.push(clientId);
        action = 'add';
      }
    } else if (deletionPolicy !== 'Retain') {
      const ownership = customDeleteOwnership(
        r.physicalId,
        this.stackId,
        spec.spec.takeOwnership,
        isClientIdResource,
      );
      if (ownership.kind === 'unknown')
        this.ws.note({
          logicalId: r.logicalId,
          reason:
            'whether this stack added or adopted the client ID is recorded only in its physical ID, which the plan did not read: shown as added by it',
        });
      if ((ownership.kind === 'owned' || ownership.kind === 'unknown') && ids.includes(clientId)) {
        ids.splice(ids.indexOf(clientId), 1);
        action = 'remove';
      }
    }
    const effect: ClientIdEffect = { provider: providerName, clientId, action };
    const roles = this.ws.view.roles(this.providerAccount);
    if (roles.ok) effect.trustingRoles = trustingRoles(roles.value, provider.value.arn, clientId);
    else if (action === 'remove')
      this.ws.note({
        logicalId: r.logicalId,
        reason: `RAM roles of the provider's account not read (${roles.reason}): the roles that trust ${clientId} are unknown`,
      });
    return [effect];
  }
}

/** The provisioning ID a resource records: a native physical ID, or the custom one's resource part. */
function idOf(r: PlanResourceInput): string | undefined {
  if (r.physicalId === undefined) return undefined;
  if (isProvisioningId(r.physicalId)) return r.physicalId;
  const custom = customDeleteOwnership(r.physicalId, 'any', true, isProvisioningId);
  return custom.kind === 'owned' || custom.kind === 'released' ? custom.resourceId : undefined;
}
