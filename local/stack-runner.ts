import { randomUUID } from 'node:crypto';
import { isMapping, type Mapping } from '../lint/template/model';
import { type EvaluationContext, evaluate } from './evaluate';
import {
  type ApplyRequest,
  type Provisioner,
  ResourceFailure,
  type StackIdentity,
} from './provisioners/provisioner';
import type { EventSink, ResourceStatus } from './stack-events';
import { nonUpdatableChanges, type Plan, planStack, TemplateError } from './stack-plan';
import type { ResourceRecord, StackRecord } from './workspace';

export interface RunnerDeps {
  provisionerFor(type: string): Provisioner | undefined;
  emit: EventSink;
  region: string;
  accountId: string;
  now?: () => Date;
}

export interface StackInput {
  name: string;
  templateFile: string;
  templateText: string;
  parameters: Record<string, string>;
  /** Replace resources whose non-updatable properties change, instead of failing the update. */
  replacement?: boolean;
}

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** One stack operation: events, resource bookkeeping, evaluation against the current resources. */
class Operation {
  private readonly used = new Set<Provisioner>();

  constructor(
    readonly record: StackRecord,
    readonly deps: RunnerDeps,
    readonly plan: Plan | undefined,
  ) {}

  get identity(): StackIdentity {
    return {
      name: this.record.name,
      id: this.record.id,
      region: this.deps.region,
      accountId: this.deps.accountId,
    };
  }

  event(logicalId: string, type: string, status: ResourceStatus, physicalId?: string, reason?: string) {
    const e = {
      time: (this.deps.now?.() ?? new Date()).toISOString(),
      stack: this.record.name,
      logicalId,
      type,
      status,
      physicalId,
      reason,
    };
    this.record.events.push(e);
    if (this.record.events.length > 500) this.record.events.splice(0, this.record.events.length - 500);
    this.deps.emit(e);
  }

  stackEvent(status: ResourceStatus, reason?: string) {
    this.record.status = status;
    this.event(this.record.name, 'ALIYUN::ROS::Stack', status, this.record.id, reason);
  }

  context(plan: Plan): EvaluationContext {
    const pseudo: Record<string, string> = {
      'ALIYUN::StackName': this.record.name,
      'ALIYUN::StackId': this.record.id,
      'ALIYUN::Region': this.deps.region,
      'ALIYUN::AccountId': this.deps.accountId,
      'ALIYUN::TenantId': this.deps.accountId,
    };
    return {
      parameters: plan.parameters,
      conditions: plan.conditions,
      mappings: isMapping(plan.template.Mappings) ? plan.template.Mappings : {},
      pseudo,
      resource: (id) => {
        const r = this.record.resources[id];
        return r ? { physicalId: r.physicalId, attributes: r.attributes } : undefined;
      },
    };
  }

  provisioner(type: string): Provisioner {
    const p = this.deps.provisionerFor(type);
    if (!p) throw new TemplateError(`${type} cannot be applied by the local runner`);
    this.used.add(p);
    return p;
  }

  /** Waits for provider invocations ROS stopped waiting for: their effects are part of the result. */
  async settle(): Promise<void> {
    for (const p of this.used) await p.settle?.();
  }

  request(logicalId: string, resource: ResourceRecord, extra: Partial<ApplyRequest> = {}): ApplyRequest {
    return {
      stack: this.identity,
      logicalId,
      type: resource.type,
      properties: resource.properties,
      physicalId: resource.physicalId,
      ...extra,
    };
  }

  async create(logicalId: string, type: string, properties: Record<string, unknown>): Promise<void> {
    this.event(logicalId, type, 'CREATE_IN_PROGRESS');
    try {
      const applied = await this.provisioner(type).create({
        stack: this.identity,
        logicalId,
        type,
        properties,
      });
      this.record.resources[logicalId] = {
        type,
        properties,
        physicalId: applied.physicalId,
        attributes: applied.attributes,
      };
      this.event(logicalId, type, 'CREATE_COMPLETE', applied.physicalId);
    } catch (err) {
      this.event(logicalId, type, 'CREATE_FAILED', undefined, reasonOf(err));
      // The rollback sends Delete for the failed resource too: with the ID a FAILED answer gave, or
      // none when there was no answer (ros-protocol.md §1.8; whether ROS sends it is unconfirmed, and
      // the harder case is the one reproduced).
      const physicalId = err instanceof ResourceFailure && err.physicalId ? err.physicalId : '';
      this.record.resources[logicalId] = { type, properties, physicalId, attributes: {} };
      throw err;
    }
  }

  async delete(logicalId: string): Promise<void> {
    const resource = this.record.resources[logicalId];
    if (!resource) return;
    const resources = this.plan?.template.Resources;
    const node = isMapping(resources) ? resources[logicalId] : undefined;
    const policy = isMapping(node) ? node.DeletionPolicy : undefined;
    if (policy === 'Retain') {
      this.event(logicalId, resource.type, 'DELETE_SKIPPED', resource.physicalId, 'DeletionPolicy is Retain');
    } else {
      this.event(logicalId, resource.type, 'DELETE_IN_PROGRESS', resource.physicalId);
      try {
        await this.provisioner(resource.type).delete(this.request(logicalId, resource));
      } catch (err) {
        this.event(logicalId, resource.type, 'DELETE_FAILED', resource.physicalId, reasonOf(err));
        throw err;
      }
      this.event(logicalId, resource.type, 'DELETE_COMPLETE', resource.physicalId);
    }
    delete this.record.resources[logicalId];
  }

  evaluateOutputs(plan: Plan): void {
    const outputs = isMapping(plan.template.Outputs) ? plan.template.Outputs : {};
    const ctx = this.context(plan);
    this.record.outputs = {};
    for (const [name, output] of Object.entries(outputs)) {
      if (!isMapping(output)) continue;
      if (typeof output.Condition === 'string' && !plan.conditions[output.Condition]) continue;
      try {
        this.record.outputs[name] = evaluate(output.Value, ctx);
      } catch (err) {
        this.record.outputs[name] = `(not available: ${reasonOf(err)})`;
      }
    }
  }
}

function nodeOf(plan: Plan, id: string): Mapping {
  const resources = plan.template.Resources as Mapping;
  return resources[id] as Mapping;
}

function planFor(input: StackInput, record: Pick<StackRecord, 'name' | 'id'>, deps: RunnerDeps): Plan {
  const pseudo = {
    'ALIYUN::StackName': record.name,
    'ALIYUN::StackId': record.id,
    'ALIYUN::Region': deps.region,
    'ALIYUN::AccountId': deps.accountId,
  };
  const plan = planStack(input.templateFile, input.templateText, input.parameters, pseudo);
  const resources = plan.template.Resources as Mapping;
  const unsupported = plan.order
    .map((id) => String((resources[id] as Mapping).Type))
    .filter((t) => !deps.provisionerFor(t));
  if (unsupported.length) {
    throw new TemplateError(
      `the local runner cannot apply ${[...new Set(unsupported)].join(', ')}; it applies ALIYUN::CloudSSO::UserProvision and custom resources (Custom::*, ALIYUN::ROS::CustomResource)`,
    );
  }
  return plan;
}

/** Runs an operation, then waits for what it left running (see Operation.settle). */
async function settled(op: Operation, run: () => Promise<StackRecord>): Promise<StackRecord> {
  try {
    return await run();
  } finally {
    await op.settle();
  }
}

/** Creates a stack; on a failure rolls back what it created (ROLLBACK_COMPLETE). Throws TemplateError before touching anything. */
export async function createStack(input: StackInput, deps: RunnerDeps): Promise<StackRecord> {
  const identity = { name: input.name, id: randomUUID() };
  const plan = planFor(input, identity, deps);
  const record: StackRecord = {
    ...identity,
    status: 'CREATE_IN_PROGRESS',
    templateFile: input.templateFile,
    template: plan.template,
    parameters: input.parameters,
    resources: {},
    outputs: {},
    events: [],
  };
  const op = new Operation(record, deps, plan);
  return settled(op, async () => {
    op.stackEvent('CREATE_IN_PROGRESS');
    const ctx = op.context(plan);
    try {
      for (const id of plan.order) {
        const node = nodeOf(plan, id);
        await op.create(
          id,
          String(node.Type),
          (evaluate(node.Properties ?? {}, ctx) ?? {}) as Record<string, unknown>,
        );
      }
    } catch (err) {
      op.stackEvent('CREATE_FAILED', reasonOf(err));
      op.stackEvent('ROLLBACK_IN_PROGRESS');
      try {
        for (const id of [...plan.order].reverse()) await op.delete(id);
        op.stackEvent('ROLLBACK_COMPLETE');
      } catch (rollbackErr) {
        op.stackEvent('ROLLBACK_FAILED', reasonOf(rollbackErr));
      }
      return record;
    }
    op.evaluateOutputs(plan);
    op.stackEvent('CREATE_COMPLETE');
    return record;
  });
}

type Undo = () => Promise<void>;

/** Updates a stack in place where it can; replaces only with `replacement`; rolls back on failure. */
export async function updateStack(
  record: StackRecord,
  input: StackInput,
  deps: RunnerDeps,
): Promise<StackRecord> {
  const plan = planFor(input, record, deps);
  const op = new Operation(record, deps, plan);
  return settled(op, async () => {
    op.stackEvent('UPDATE_IN_PROGRESS');
    const ctx = op.context(plan);
    const undo: Undo[] = [];
    try {
      for (const id of plan.order) {
        const node = nodeOf(plan, id);
        const type = String(node.Type);
        const properties = (evaluate(node.Properties ?? {}, ctx) ?? {}) as Record<string, unknown>;
        const current = record.resources[id];
        if (!current) {
          // Queued first: a Create that fails is deleted by the rollback too (it may have left an ID).
          undo.push(() => op.delete(id));
          await op.create(id, type, properties);
          continue;
        }
        if (current.type === type && JSON.stringify(current.properties) === JSON.stringify(properties))
          continue;
        const fixed =
          current.type === type ? nonUpdatableChanges(type, current.properties, properties) : ['Type'];
        if (fixed.length) {
          if (!input.replacement) {
            const reason = `${fixed.join(', ')} cannot be updated; ROS refuses this update unless replacement is enabled (--replacement), which deletes and recreates ${id}`;
            op.event(id, type, 'UPDATE_FAILED', current.physicalId, reason);
            throw new ResourceFailure(reason);
          }
          // Delete first: a replacement with the same directory, principal and target would collide.
          await op.delete(id);
          undo.push(() => op.create(id, current.type, current.properties));
          undo.push(() => op.delete(id));
          await op.create(id, type, properties);
          continue;
        }
        op.event(id, type, 'UPDATE_IN_PROGRESS', current.physicalId);
        try {
          const applied = await op
            .provisioner(type)
            .update(op.request(id, current, { properties, oldProperties: current.properties }));
          record.resources[id] = {
            type,
            properties,
            physicalId: applied.physicalId,
            attributes: applied.attributes,
          };
        } catch (err) {
          op.event(id, type, 'UPDATE_FAILED', current.physicalId, reasonOf(err));
          throw err;
        }
        op.event(id, type, 'UPDATE_COMPLETE', current.physicalId);
        undo.push(async () => {
          const now = record.resources[id];
          op.event(id, type, 'UPDATE_IN_PROGRESS', now.physicalId);
          const applied = await op
            .provisioner(type)
            .update(op.request(id, now, { properties: current.properties, oldProperties: now.properties }));
          record.resources[id] = { ...current, attributes: applied.attributes };
          op.event(id, type, 'UPDATE_COMPLETE', now.physicalId);
        });
      }
    } catch (err) {
      op.stackEvent('UPDATE_FAILED', reasonOf(err));
      op.stackEvent('UPDATE_ROLLBACK_IN_PROGRESS');
      try {
        for (const step of undo.reverse()) await step();
        op.stackEvent('UPDATE_ROLLBACK_COMPLETE');
      } catch (rollbackErr) {
        op.stackEvent('UPDATE_ROLLBACK_FAILED', reasonOf(rollbackErr));
      }
      return record;
    }
    // Resources no longer in the template (or whose Condition turned false) go last.
    try {
      for (const id of Object.keys(record.resources)
        .filter((r) => !plan.order.includes(r))
        .reverse())
        await op.delete(id);
    } catch (err) {
      op.stackEvent('UPDATE_FAILED', reasonOf(err));
      return record;
    }
    record.template = plan.template;
    record.parameters = input.parameters;
    record.templateFile = input.templateFile;
    op.evaluateOutputs(plan);
    op.stackEvent('UPDATE_COMPLETE');
    return record;
  });
}

/** Deletes every resource, dependents first; DeletionPolicy Retain keeps a resource. */
export async function deleteStack(record: StackRecord, deps: RunnerDeps): Promise<StackRecord> {
  const plan: Plan = {
    template: record.template,
    parameters: {},
    conditions: {},
    order: Object.keys(record.resources),
  };
  const op = new Operation(record, deps, plan);
  return settled(op, async () => {
    op.stackEvent('DELETE_IN_PROGRESS');
    try {
      for (const id of Object.keys(record.resources).reverse()) await op.delete(id);
    } catch (err) {
      op.stackEvent('DELETE_FAILED', reasonOf(err));
      return record;
    }
    op.stackEvent('DELETE_COMPLETE');
    return record;
  });
}
