import { isFunctionLikeKey, PSEUDO_PARAMETERS } from './intrinsics';
import type { ParsedTemplate } from './parse';
import { escapePointerToken } from '../schemas/validate';
import { joinPointer } from './pointer';
import { isTerraformTransform, terraformVariables } from './terraform-variables';

export type Mapping = Record<string, unknown>;

/** A YAML or JSON leaf other than null. */
type Scalar = string | number | boolean;

export function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

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
  /** True for a Terraform-transform template: its resources and variables live in `Workspace`. */
  readonly isTerraform: boolean;
  /** The Terraform variables that are the stack's parameters (empty unless `isTerraform`). */
  readonly terraformVariables: ReadonlySet<string>;
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
    this.isTerraform = isTerraformTransform(this.value.Transform);
    this.terraformVariables = this.isTerraform ? terraformVariables(this.value.Workspace) : new Set();
  }

  /** A stack parameter: declared in Parameters or, in a Terraform template, as a variable. */
  isParameter(name: string): boolean {
    return this.parameters.has(name) || this.terraformVariables.has(name);
  }

  /** A Locals entry whose Type is a data source (`DATASOURCE::…`): it has attributes. */
  isDataSourceLocal(name: string): boolean {
    const local = this.locals.get(name);
    return isMapping(local) && typeof local.Type === 'string' && local.Type.startsWith('DATASOURCE::');
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
      this.isParameter(name) ||
      this.resources.has(name) ||
      this.locals.has(name) ||
      PSEUDO_PARAMETERS.includes(name)
    );
  }

  parameter(name: string): Mapping | undefined {
    const p = this.parameters.get(name);
    return isMapping(p) ? p : undefined;
  }

  /**
   * Every `{ Fn::X: … }` / `{ Ref: … }` in the document, outermost first, `Fn::` keys in any letter
   * case included (function-unknown reports the ones ROS would read as plain data). Mappings hold
   * data only.
   */
  intrinsics(): IntrinsicUse[] {
    if (!this.intrinsicCache) {
      const found: IntrinsicUse[] = [];
      // Tokens of the current path; a pointer string is built only where a function is found.
      const path: string[] = [];
      const pointerOf = () => path.map((t) => `/${escapePointerToken(t)}`).join('');
      const visit = (node: unknown): void => {
        if (node === null || typeof node !== 'object') return;
        if (Array.isArray(node)) {
          for (let i = 0; i < node.length; i++) {
            path.push(String(i));
            visit(node[i]);
            path.pop();
          }
          return;
        }
        const keys = Object.keys(node);
        if (keys.length === 1 && isFunctionLikeKey(keys[0])) {
          found.push({ fn: keys[0], args: (node as Mapping)[keys[0]], pointer: pointerOf() });
        }
        for (const key of keys) {
          // A nested stack's inline TemplateBody is its own template: its functions are not the parent's.
          if (
            key === 'TemplateBody' &&
            path.length === 3 &&
            path[0] === 'Resources' &&
            path[2] === 'Properties'
          )
            continue;
          path.push(key);
          visit((node as Mapping)[key]);
          path.pop();
        }
      };
      for (const key of Object.keys(this.value)) {
        if (key === 'Mappings') continue;
        path.push(key);
        visit(this.value[key]);
        path.pop();
      }
      this.intrinsicCache = found;
    }
    return this.intrinsicCache;
  }
}
