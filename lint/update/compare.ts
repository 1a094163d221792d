import type { TemplateModel, ResourceView } from '../../template/model';
import { joinPointer } from '../../template/pointer';
import type { Blame } from '../../template/parse';
import { type Consequence, type FactsLookup, propertyName, updateFacts } from './facts';
import { deepestExisting, sitesOf } from './sites';
import { sameValue } from './values';

/** A change to a property that cannot be updated, placed in the new template. */
export interface PropertyChange {
  /** Concrete pointer relative to `Properties`. */
  pointer: string;
  /** `Parameters.TargetId`. */
  property: string;
  consequence: Consequence;
  /** False when only an enclosing expression changed, so the property may or may not change. */
  certain: boolean;
  before: unknown;
  after: unknown;
  /** Where to report it in the new template: the new value, or the nearest node left after a removal. */
  at: string;
  blame: Blame;
  /** Set when only the bundled (possibly outdated) definitions say it cannot be updated. */
  staleSchema?: string;
}

export type ImpactKind = 'update' | 'replace' | 'delete' | 'create' | 'unchanged';

/** One logical ID across the two versions. */
export interface ResourceComparison {
  id: string;
  before?: ResourceView;
  after?: ResourceView;
  /** Set when the Type differs: not an update but a delete and a create. */
  typeChange?: { before: string; after: string };
  /** Non-updatable properties that changed (empty when the type changed: everything is new then). */
  changes: PropertyChange[];
  /** Whether `Properties` differ at all (updatable or not). */
  propertiesChanged: boolean;
  /** For a delete and a create of the same Type and Properties: the other logical ID. */
  renamedTo?: string;
  renamedFrom?: string;
  impact: ImpactKind;
}

export interface TemplateComparison {
  previous: TemplateModel;
  current: TemplateModel;
  /** Where the comparison took its update facts from, for rules that look further. */
  factsOf: FactsLookup;
  /** The new template's resources in order, then the deleted ones in their old order. */
  resources: ResourceComparison[];
}

function propertyChanges(
  before: ResourceView,
  after: ResourceView,
  type: string,
  factsOf: FactsLookup,
): PropertyChange[] {
  const facts = factsOf(type);
  if (!facts) return [];
  const propertiesAt = joinPointer(after.pointer, 'Properties');
  const seen = new Set<string>();
  const changes: PropertyChange[] = [];
  for (const pattern of facts.pointers) {
    for (const site of sitesOf(pattern, before.properties, after.properties)) {
      // Patterns may overlap (`/A` and `/A/B`, or several under one opaque `/A`): one finding each.
      if (seen.has(site.pointer) || sameValue(site.before, site.after)) continue;
      seen.add(site.pointer);
      const removed = site.after === undefined;
      const kept = removed ? deepestExisting(after.properties, site.pointer) : site.pointer;
      const at = after.properties ? propertiesAt + kept : after.pointer;
      changes.push({
        pointer: site.pointer,
        property: propertyName(site.pointer),
        consequence: facts.consequenceOf(pattern),
        certain: !site.opaque,
        before: site.before,
        after: site.after,
        at,
        // After a removal the finding names the enclosing key (`Properties:`, or the logical ID).
        blame: removed ? 'key' : 'value',
        staleSchema: facts.staleSchema,
      });
    }
  }
  return changes;
}

function compareResource(
  id: string,
  before: ResourceView,
  after: ResourceView,
  factsOf: FactsLookup,
): ResourceComparison {
  const propertiesChanged = !sameValue(before.node.Properties, after.node.Properties);
  const base = { id, before, after, propertiesChanged };
  if (before.type && after.type && before.type !== after.type) {
    return {
      ...base,
      typeChange: { before: before.type, after: after.type },
      changes: [],
      impact: 'replace',
    };
  }
  const changes = after.type && propertiesChanged ? propertyChanges(before, after, after.type, factsOf) : [];
  const replaced = changes.some((c) => c.certain && c.consequence === 'replace');
  return { ...base, changes, impact: replaced ? 'replace' : propertiesChanged ? 'update' : 'unchanged' };
}

/** Pairs deletes with creates of the same Type and Properties: most likely a renamed logical ID. */
function pairRenames(deleted: ResourceComparison[], created: ResourceComparison[]): void {
  for (const gone of deleted) {
    const old = gone.before as ResourceView;
    const twin = created.find(
      (c) =>
        c.renamedFrom === undefined &&
        c.after?.type === old.type &&
        sameValue(c.after?.node.Properties, old.node.Properties),
    );
    if (!twin) continue;
    gone.renamedTo = twin.id;
    twin.renamedFrom = gone.id;
  }
}

/** Compares two versions of a template resource by resource, as a stack update would see them. */
export function compareTemplates(
  previous: TemplateModel,
  current: TemplateModel,
  factsOf: FactsLookup = updateFacts,
): TemplateComparison {
  const oldViews = new Map(previous.resourceViews().map((v) => [v.id, v]));
  const newIds = new Set(current.resourceViews().map((v) => v.id));
  const resources: ResourceComparison[] = [];
  const created: ResourceComparison[] = [];
  for (const after of current.resourceViews()) {
    const before = oldViews.get(after.id);
    if (before) resources.push(compareResource(after.id, before, after, factsOf));
    else {
      const entry: ResourceComparison = {
        id: after.id,
        after,
        changes: [],
        propertiesChanged: true,
        impact: 'create',
      };
      resources.push(entry);
      created.push(entry);
    }
  }
  const deleted = previous
    .resourceViews()
    .filter((v) => !newIds.has(v.id))
    .map((before): ResourceComparison => ({
      id: before.id,
      before,
      changes: [],
      propertiesChanged: true,
      impact: 'delete',
    }));
  pairRenames(deleted, created);
  resources.push(...deleted);
  return { previous, current, factsOf, resources };
}
