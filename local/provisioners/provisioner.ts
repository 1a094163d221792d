/** Identity of the stack a resource belongs to, as ROS sends it to providers. */
export interface StackIdentity {
  name: string;
  id: string;
  region: string;
  accountId: string;
}

export interface ApplyRequest {
  stack: StackIdentity;
  logicalId: string;
  type: string;
  properties: Record<string, unknown>;
  /** Update and Delete: the resource's current physical ID. */
  physicalId?: string;
  /** Update: the properties it had. */
  oldProperties?: Record<string, unknown>;
}

export interface Applied {
  physicalId: string;
  attributes: Record<string, unknown>;
}

/** A resource operation that failed; `physicalId` is what a failed Create left, if anything. */
export class ResourceFailure extends Error {
  constructor(
    message: string,
    readonly physicalId?: string,
  ) {
    super(message);
  }
}

/** Applies one kind of resource type. */
export interface Provisioner {
  create(request: ApplyRequest): Promise<Applied>;
  update(request: ApplyRequest): Promise<Applied>;
  delete(request: ApplyRequest): Promise<void>;
  /**
   * Resolves when work ROS stopped waiting for has finished: a provider invocation outlives the
   * resource Timeout in the cloud too, and what it does still lands in the accounts.
   */
  settle?(): Promise<void>;
}
