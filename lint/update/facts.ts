import { notUpdatableProperties, staleSource } from '../../schemas/catalog';
import { splitPointer } from '../../template/pointer';

/**
 * What a change to a non-updatable property leads to:
 * - `replace`: ROS refuses the update unless the stack update enables replacement, which then deletes
 *   and recreates the resource (ros-protocol.md §3.1);
 * - `refuse`: ROS sends an Update, and the custom resource's provider answers FAILED (§1.7).
 */
export type Consequence = 'replace' | 'refuse';

/** The update facts of one resource type. */
export interface UpdateFacts {
  /** JSON Pointers relative to `Properties`; a `*` token is any list item or any key. */
  pointers: readonly string[];
  custom: boolean;
  consequenceOf(pointer: string): Consequence;
  /** Set when only the bundled (possibly outdated) definitions give these facts: names their source. */
  staleSchema?: string;
}

/** A custom resource: ROS's own rules cover only its top level (ServiceToken), its provider the rest. */
export function isCustomType(type: string): boolean {
  return type.startsWith('Custom::') || type === 'ALIYUN::ROS::CustomResource';
}

/** Update facts by resource type; undefined when the type is unknown. */
export type FactsLookup = (type: string) => UpdateFacts | undefined;

/** A lookup over a source of non-updatable pointers (the catalogue, or a table in tests). */
export function factsFrom(
  pointersOf: (type: string) => readonly string[] | undefined,
  staleSchemaOf: (type: string) => string | undefined = () => undefined,
): FactsLookup {
  return (type) => {
    const pointers = pointersOf(type);
    if (!pointers) return undefined;
    const custom = isCustomType(type);
    return {
      pointers,
      custom,
      staleSchema: staleSchemaOf(type),
      // ROS passes a custom resource's Parameters through as one updatable map; only its provider
      // knows which inner keys are fixed, so those are refused rather than replaced.
      consequenceOf: (pointer) =>
        custom && splitPointer(pointer)[0] === 'Parameters' ? 'refuse' : 'replace',
    };
  };
}

/** The facts of the schema catalogue, the only source of which properties cannot be updated. */
export const updateFacts: FactsLookup = factsFrom(notUpdatableProperties, staleSource);

/**
 * `/Parameters/TargetId` → `Parameters.TargetId`, the way messages and the impact list name it;
 * the empty pointer (the whole of Properties, e.g. one `Fn::If`) is `Properties`.
 */
export function propertyName(pointer: string): string {
  return pointer === '' ? 'Properties' : splitPointer(pointer).join('.');
}
