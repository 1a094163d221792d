import type { CloudSsoClient } from '../clients/cloudsso';
import type { ImsClient } from '../clients/ims';
import type { Properties } from '../event';
import type { Logger } from '../log';

/** What a step may touch: the cloud only through these clients (style.md §6). */
export interface ResourceDeps {
  cloudsso: CloudSsoClient;
  ims: ImsClient;
  /** The account the function's credentials act in (FC `context.accountId`), when known. */
  accountId?: string;
  /**
   * Records a physical ID the moment this invocation created something, so that a later failure or
   * the timeout guard answers FAILED with it and the rollback Delete removes it.
   */
  created(physicalResourceId: string): void;
  log: Logger;
}

export interface StepResult {
  physicalResourceId: string;
  data?: Record<string, unknown>;
}

/** A custom resource type: data plus three async steps. Properties arrive validated. */
export interface ResourceHandler<P = Properties> {
  resourceType: string;
  /** The custom type's schema in schemas/resources (validation, not-updatable list, attributes). */
  schemaId: string;
  /** Whether an ID could have come from this handler's Create; Delete acts on nothing else. */
  ownsPhysicalId(id: string): boolean;
  create(props: P, deps: ResourceDeps): Promise<StepResult>;
  /** Called only when editable properties changed (the lifecycle refuses not-updatable changes). */
  update(props: P, old: P, physicalResourceId: string, deps: ResourceDeps): Promise<StepResult>;
  delete(props: P, physicalResourceId: string, deps: ResourceDeps): Promise<void>;
  /** Data for an Update that changed nothing, derived without any call. */
  describe(
    props: P,
    physicalResourceId: string,
    deps: Pick<ResourceDeps, 'accountId'>,
  ): Record<string, unknown>;
}
