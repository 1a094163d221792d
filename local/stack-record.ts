import type { StackEvent } from './stack-events';

/** One resource of a local stack, as last applied. */
export interface ResourceRecord {
  type: string;
  physicalId: string;
  /** Evaluated properties as last applied. */
  properties: Record<string, unknown>;
  /** What `Fn::GetAtt` reads: a custom resource's Data, a native resource's attributes. */
  attributes: Record<string, unknown>;
}

/** A local stack as `stacks/<name>.json` keeps it between commands. */
export interface StackRecord {
  name: string;
  id: string;
  status: string;
  templateFile: string;
  template: Record<string, unknown>;
  parameters: Record<string, string>;
  resources: Record<string, ResourceRecord>;
  outputs: Record<string, unknown>;
  events: StackEvent[];
}
