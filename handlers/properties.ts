import { type ResourceSchema, resourceSchemas } from '../schemas/registry';
import { formatIssues, type SchemaIssue, validateAgainst } from '../schemas/validate';
import { ValidationError } from './errors';
import type { Properties } from './event';
import {
  CUSTOM_RESOURCE_SCHEMA_IDS,
  type CustomResourceProps,
  type CustomResourceType,
} from './resources/props.generated';

/**
 * Facts about a custom type's `Parameters`, read from its schema (style.md §2.1): the custom type's
 * pointers are relative to the resource's Properties, so `/Parameters/X` becomes `X` here.
 */
export interface ParameterFacts {
  schemaId: string;
  /** Top-level Parameters keys that cannot change in an update. */
  notUpdatable: readonly string[];
  /** Keys that `Data` may carry (the schema's `attributes`, minus the `Outputs` map itself). */
  attributes: readonly string[];
}

const PARAMETERS = '/Parameters';

function schemaById(schemaId: string): ResourceSchema {
  const schema = resourceSchemas.find((s) => s.$id === schemaId);
  if (schema === undefined) throw new Error(`no resource schema ${schemaId}`);
  return schema;
}

/** Reads the not-updatable Parameters and the attributes of a custom type's schema. */
export function parameterFacts(schemaId: string): ParameterFacts {
  const schema = schemaById(schemaId);
  const notUpdatable = schema.notUpdatableProperties
    .filter((p) => p.startsWith(`${PARAMETERS}/`))
    .map((p) =>
      p
        .slice(PARAMETERS.length + 1)
        .replace(/~1/g, '/')
        .replace(/~0/g, '~'),
    );
  return { schemaId, notUpdatable, attributes: schema.attributes.filter((a) => a !== 'Outputs') };
}

/**
 * Validates request properties (ROS's `ResourceProperties` = the template's `Parameters`) with the
 * linter's schema for the custom type, coercing `"60"`/`"true"` in place where the schema allows.
 * The value is wrapped as the type's Properties so one schema serves linter and handler.
 */
export function propertyIssues(schemaId: string, props: Properties): SchemaIssue[] {
  // ROS is believed to send only the Parameters (ros-protocol.md §1.4: "no ServiceToken inside
  // ResourceProperties", inferred, not stated). AWS sends ServiceToken too; accept either answer.
  for (const key of ['ServiceToken', 'Timeout']) delete props[key];
  const wrapper = { ServiceToken: 'ros-sso', Timeout: 60, Parameters: props };
  return validateAgainst(schemaId, wrapper).map((issue) => ({
    ...issue,
    pointer: issue.pointer.startsWith(PARAMETERS) ? issue.pointer.slice(PARAMETERS.length) : issue.pointer,
  }));
}

// The lifecycle validates each request's properties once; the handler's typed views of the same
// objects (defineResourceHandler, each step) reuse that verdict rather than run the validator again.
// Validation coerces in place and nothing changes the properties afterwards, so it still holds.
const validFor = new WeakMap<Properties, string>();

/** Throws a ValidationError naming every bad field, e.g. `invalid ResourceProperties: /PrincipalType: …`. */
export function assertValidProperties(schemaId: string, props: Properties, label: string): void {
  if (validFor.get(props) === schemaId) return;
  const issues = propertyIssues(schemaId, props);
  if (issues.length > 0) throw invalidProperties(label, issues);
  validFor.set(props, schemaId);
}

const invalidProperties = (label: string, issues: SchemaIssue[]) =>
  new ValidationError(`invalid ${label}: ${formatIssues(issues)}`, issues);

/** A value its type's schema finds no issue with has the type generated from that schema. */
function conforms<T extends CustomResourceType>(
  _type: T,
  _props: Properties,
  issues: readonly SchemaIssue[],
): _props is Properties & CustomResourceProps[T] {
  return issues.length === 0;
}

/** Validates like `assertValidProperties`, with the schema of `type`; the result has its generated type. */
export function checkedProperties<T extends CustomResourceType>(
  type: T,
  props: Properties,
  label: string,
): CustomResourceProps[T] {
  const schemaId = CUSTOM_RESOURCE_SCHEMA_IDS[type];
  const issues = validFor.get(props) === schemaId ? [] : propertyIssues(schemaId, props);
  if (!conforms(type, props, issues)) throw invalidProperties(label, issues);
  validFor.set(props, schemaId);
  return props;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface PropertyChanges {
  /** Not-updatable keys whose value changed. */
  immutable: string[];
  /** Other keys whose value changed. */
  editable: string[];
}

/** Which Parameters keys differ between the old and new properties (both already validated). */
export function changedProperties(
  facts: ParameterFacts,
  props: Properties,
  old: Properties,
): PropertyChanges {
  const keys = [...new Set([...Object.keys(props), ...Object.keys(old)])].sort();
  const changed = keys.filter((k) => !same(props[k], old[k]));
  return {
    immutable: changed.filter((k) => facts.notUpdatable.includes(k)),
    editable: changed.filter((k) => !facts.notUpdatable.includes(k)),
  };
}

/** Keeps the declared attributes only, in the schema's order; undefined values are left out. */
export function pickAttributes(
  facts: ParameterFacts,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const key of facts.attributes) if (values[key] !== undefined) data[key] = values[key];
  return data;
}
