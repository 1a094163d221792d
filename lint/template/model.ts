import { asIntrinsic, looksLikeFunction, PSEUDO_PARAMETERS } from './intrinsics';
import type { ParsedTemplate } from './parse';
import { joinPointer } from './pointer';

export type Mapping = Record<string, unknown>;

export function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Own entries of a mapping section, or none when the section is absent or malformed. */
function entriesOf(value: unknown): Map<string, unknown> {
  return isMapping(value) ? new Map(Object.entries(value)) : new Map();
}

export interface IntrinsicUse {
  fn: string;
  args: unknown;
  /** Pointer of the `{ "Fn::X": … }` mapping (not of the function key). */
  pointer: string;
}

export interface ResourceView {
  id: string;
  pointer: string;
  node: Mapping;
  type: string | undefined;
  properties: Mapping | undefined;
}

/**
 * Read-only view of a template for the rules: sections as maps, resources with their type, and
 * every intrinsic function use found in one walk (cached, since most rules need it).
 */
export class TemplateModel {
  readonly value: Mapping;
  readonly parameters: Map<string, unknown>;
  readonly resources: Map<string, unknown>;
  readonly conditions: Map<string, unknown>;
  readonly mappings: Map<string, unknown>;
  readonly locals: Map<string, unknown>;
  readonly outputs: Map<string, unknown>;
  private intrinsicCache: IntrinsicUse[] | undefined;
  private resourceCache: ResourceView[] | undefined;

  constructor(readonly parsed: ParsedTemplate) {
    this.value = parsed.value;
    this.parameters = entriesOf(this.value.Parameters);
    this.resources = entriesOf(this.value.Resources);
    this.conditions = entriesOf(this.value.Conditions);
    this.mappings = entriesOf(this.value.Mappings);
    this.locals = entriesOf(this.value.Locals);
    this.outputs = entriesOf(this.value.Outputs);
  }

  /** Resources whose definition is a mapping. */
  resourceViews(): ResourceView[] {
    if (!this.resourceCache) {
      this.resourceCache = [];
      for (const [id, node] of this.resources) {
        if (!isMapping(node)) continue;
        this.resourceCache.push({
          id,
          pointer: joinPointer('/Resources', id),
          node,
          type: typeof node.Type === 'string' ? node.Type : undefined,
          properties: isMapping(node.Properties) ? node.Properties : undefined,
        });
      }
    }
    return this.resourceCache;
  }

  /** Names a `Ref` may point at: parameters, resources, locals and pseudo parameters. */
  isRefTarget(name: string): boolean {
    return (
      this.parameters.has(name) ||
      this.resources.has(name) ||
      this.locals.has(name) ||
      PSEUDO_PARAMETERS.includes(name)
    );
  }

  parameter(name: string): Mapping | undefined {
    const p = this.parameters.get(name);
    return isMapping(p) ? p : undefined;
  }

  /** Every `{ Fn::X: … }` / `{ Ref: … }` in the document, outermost first. Mappings hold data only. */
  intrinsics(): IntrinsicUse[] {
    if (!this.intrinsicCache) {
      const found: IntrinsicUse[] = [];
      const visit = (node: unknown, pointer: string): void => {
        if (node === null || typeof node !== 'object') return;
        if (Array.isArray(node)) {
          for (let i = 0; i < node.length; i++) visit(node[i], `${pointer}/${i}`);
          return;
        }
        const fn =
          asIntrinsic(node) ??
          (looksLikeFunction(node) ? { fn: Object.keys(node)[0], args: Object.values(node)[0] } : undefined);
        if (fn) found.push({ ...fn, pointer });
        for (const key of Object.keys(node)) {
          // A nested stack's inline TemplateBody is its own template: its functions are not the parent's.
          if (key === 'TemplateBody' && /^\/Resources\/[^/]+\/Properties$/.test(pointer)) continue;
          visit((node as Mapping)[key], joinPointer(pointer, key));
        }
      };
      for (const key of Object.keys(this.value)) {
        if (key !== 'Mappings') visit(this.value[key], joinPointer('', key));
      }
      this.intrinsicCache = found;
    }
    return this.intrinsicCache;
  }
}
