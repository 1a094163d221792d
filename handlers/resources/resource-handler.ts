import type { CloudSsoClient } from '../clients/cloudsso';
import type { ImsClient } from '../clients/ims';
import type { Properties } from '../event';
import type { Logger } from '../log';
import { checkedProperties } from '../properties';
import {
  CUSTOM_RESOURCE_SCHEMA_IDS,
  type CustomResourceProps,
  type CustomResourceType,
} from './props.generated';

/** What a step may touch: the cloud only through these clients (style.md §6). */
export interface ResourceDeps {
  cloudsso: CloudSsoClient;
  ims: ImsClient;
  /** The account the function's credentials act in (FC `context.accountId`), when known. */
  accountId?: string;
  /**
   * Records a resource ID the moment this invocation created something, so that a later failure,
   * the timeout guard or an answer ROS never received can undo exactly that.
   */
  created(resourceId: string): void;
  log: Logger;
}

export interface CreateResult {
  /** The cloud resource: a provisioning ID, `<provider>/<clientId>`. */
  resourceId: string;
  /** It existed before this Create; the lifecycle records it as adopted or taken over. */
  existed: boolean;
  data: Record<string, unknown>;
}

/**
 * A custom resource type: data plus three async steps over resource IDs. Properties arrive
 * validated; ownership (created, adopted, taken over) is the lifecycle's business, not the type's.
 */
export interface ResourceHandler<P = Properties> {
  resourceType: string;
  /** The custom type's schema in schemas/resources (validation, not-updatable list, attributes). */
  schemaId: string;
  /** Whether a string is a resource ID this type's Create could have produced. */
  isResourceId(resourceId: string): boolean;
  /**
   * Makes the resource, or finds the existing one. `takeOwnership`: the template opted in, so an
   * existing one may be brought to the template's settings; otherwise it is used as found.
   */
  create(props: P, deps: ResourceDeps, takeOwnership: boolean): Promise<CreateResult>;
  /**
   * Returns the Data of the resource as it is now. `apply`: the stack owns it and its editable
   * properties changed, so they are applied first; otherwise only read (an unchanged Update answers
   * the same Data keys as Create).
   */
  update(
    props: P,
    old: P,
    resourceId: string,
    deps: ResourceDeps,
    apply: boolean,
  ): Promise<Record<string, unknown>>;
  /**
   * Which of `keys` the resource as it is does not have as `props` say; undefined when it cannot be
   * read. An Update compares with the resource itself, not only with OldResourceProperties: in the
   * rollback of a refused Update those are the refused properties, never applied.
   */
  differences(
    props: P,
    keys: readonly string[],
    resourceId: string,
    deps: ResourceDeps,
  ): Promise<string[] | undefined>;
  /** Deletes it; resolves when it is gone (already gone counts, by its not-found code only). */
  delete(props: P, resourceId: string, deps: ResourceDeps): Promise<void>;
}

/** A handler as its module writes it: typed by the properties its schema describes (props.generated.ts). */
export type TypedResourceHandler<T extends CustomResourceType> = Omit<
  ResourceHandler<CustomResourceProps[T]>,
  'resourceType' | 'schemaId'
> & { resourceType: T };

/**
 * The handler as the lifecycle calls it, with the request's plain properties: each step gets them
 * through its schema's check (the lifecycle validated them already, and that verdict is reused:
 * handlers/properties.ts), which is what gives them the generated type; a refusal is a rejected promise like any
 * other failure of the step. The schema is the one of `resourceType`.
 */
export function defineResourceHandler<T extends CustomResourceType>(
  handler: TypedResourceHandler<T>,
): ResourceHandler {
  const type = handler.resourceType;
  const props = (value: Properties) => checkedProperties(type, value, 'ResourceProperties');
  return {
    resourceType: type,
    schemaId: CUSTOM_RESOURCE_SCHEMA_IDS[type],
    isResourceId: (resourceId) => handler.isResourceId(resourceId),
    create: async (value, deps, takeOwnership) => handler.create(props(value), deps, takeOwnership),
    update: async (value, old, resourceId, deps, apply) =>
      handler.update(
        props(value),
        checkedProperties(type, old, 'OldResourceProperties'),
        resourceId,
        deps,
        apply,
      ),
    differences: async (value, keys, resourceId, deps) =>
      handler.differences(props(value), keys, resourceId, deps),
    delete: async (value, resourceId, deps) => handler.delete(props(value), resourceId, deps),
  };
}
