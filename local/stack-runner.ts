import { randomUUID } from 'node:crypto';
import type { Mapping } from '../template/model';
import { evaluate } from '../template/evaluate';
import { ResourceFailure } from './provisioners/provisioner';
import { Operation, reasonOf, type RunnerDeps } from './stack-operation';
import { nonUpdatableChanges, type Plan, planStack, TemplateError } from '../plan/stack-plan';
import type { ResourceRecord, StackRecord } from './workspace';

export type { RunnerDeps } from './stack-operation';

export interface StackInput {
  name: string;
  templateFile: string;
  templateText: string;
  parameters: Record<string, string>;
  /** Replace resources whose non-updatable properties change, instead of failing the update. */
  replacement?: boolean;
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

/** What each resource's part of an update shares: the operation, and the undo steps so far. */
interface UpdateRun {
  op: Operation;
  record: StackRecord;
  input: StackInput;
  undo: Undo[];
}

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
    const run: UpdateRun = { op, record, input, undo: [] };
    try {
      for (const id of plan.order) {
        const node = nodeOf(plan, id);
        const properties = (evaluate(node.Properties ?? {}, ctx) ?? {}) as Record<string, unknown>;
        await updateResource(run, id, String(node.Type), properties);
      }
    } catch (err) {
      op.stackEvent('UPDATE_FAILED', reasonOf(err));
      await rollBackUpdate(run);
      return record;
    }
    if (!(await deleteRemoved(op, record, plan))) return record;
    record.template = plan.template;
    record.parameters = input.parameters;
    record.templateFile = input.templateFile;
    op.evaluateOutputs(plan);
    op.stackEvent('UPDATE_COMPLETE');
    return record;
  });
}

/** One resource of the new template: created, left as it is, replaced or updated in place. */
async function updateResource(run: UpdateRun, id: string, type: string, properties: Record<string, unknown>) {
  const { op, record, input, undo } = run;
  const current = record.resources[id];
  if (!current) {
    // Queued first: a Create that fails is deleted by the rollback too (it may have left an ID).
    undo.push(() => op.delete(id));
    return op.create(id, type, properties);
  }
  if (current.type === type && JSON.stringify(current.properties) === JSON.stringify(properties)) return;
  const fixed = current.type === type ? nonUpdatableChanges(type, current.properties, properties) : ['Type'];
  if (fixed.length === 0) return updateInPlace(run, id, type, properties, current);
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
}

/** The provisioner's Update; its undo puts the old properties back the same way. */
async function updateInPlace(
  { op, record, undo }: UpdateRun,
  id: string,
  type: string,
  properties: Record<string, unknown>,
  current: ResourceRecord,
) {
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

/** Undoes what the update did, last step first. */
async function rollBackUpdate({ op, undo }: UpdateRun): Promise<void> {
  op.stackEvent('UPDATE_ROLLBACK_IN_PROGRESS');
  try {
    for (const step of undo.reverse()) await step();
    op.stackEvent('UPDATE_ROLLBACK_COMPLETE');
  } catch (rollbackErr) {
    op.stackEvent('UPDATE_ROLLBACK_FAILED', reasonOf(rollbackErr));
  }
}

/** Resources no longer in the template (or whose Condition turned false) go last; false when one fails. */
async function deleteRemoved(op: Operation, record: StackRecord, plan: Plan): Promise<boolean> {
  try {
    for (const id of Object.keys(record.resources)
      .filter((r) => !plan.order.includes(r))
      .reverse())
      await op.delete(id);
  } catch (err) {
    op.stackEvent('UPDATE_FAILED', reasonOf(err));
    return false;
  }
  return true;
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
