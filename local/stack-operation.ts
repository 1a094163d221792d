import { isMapping } from '../template/model';
import { type EvaluationContext, evaluate } from '../template/evaluate';
import {
  type ApplyRequest,
  type Provisioner,
  ResourceFailure,
  type StackIdentity,
} from './provisioners/provisioner';
import type { EventSink, ResourceStatus } from './stack-events';
import { type Plan, TemplateError } from '../plan/stack-plan';
import type { ResourceRecord, StackRecord } from './workspace';

export interface RunnerDeps {
  provisionerFor(type: string): Provisioner | undefined;
  emit: EventSink;
  region: string;
  accountId: string;
  now?: () => Date;
}

export const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export /** One stack operation: events, resource bookkeeping, evaluation against the current resources. */
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
    // A resource that left the template keeps the DeletionPolicy the stack's template gave it.
    const planned = this.plan?.template.Resources;
    const recorded = this.record.template.Resources;
    const node =
      (isMapping(planned) ? planned[logicalId] : undefined) ??
      (isMapping(recorded) ? recorded[logicalId] : undefined);
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
