import ts from 'typescript';
import type { Constraint, PropertyDefinition, TypeDefinition } from '../../schemas/ros-spec/definition';

/**
 * Reads the facts of every ROS type out of one generated ROS CDK module (`lib/<svc>.generated.js`
 * as published, or the `.ts` it is compiled from) with the TypeScript parser. The CDK generates,
 * per type, from the ROS resource specification:
 * - a class `Ros<X>` whose `ROS_RESOURCE_TYPE_NAME` is the type name, whose constructor reads each
 *   attribute with `this.getAtt('<Name>')`, and whose `renderProperties` calls the renderer;
 * - the renderer `ros<X>PropsToRosTemplate`, returning `{ '<RosName>': <mapper>(properties.<camel>) }`:
 *   the ROS property names, and the types from the mappers (`ros.stringToRosTemplate`,
 *   `ros.listMapper(…)`, `ros.hashMapper(…)`, or a nested struct's own renderer);
 * - the validator the renderer calls (`Ros<X>PropsValidator(properties).assertSuccess()`), with
 *   `ros.requiredValidator`, `ros.validateAllowedValues`, `ros.validateAllowedPattern`,
 *   `ros.validateRange` and `ros.validateLength` per camelCase property.
 * Nothing else is kept: no descriptions. Shapes this reader does not know are reported, not guessed.
 */
export interface Extracted {
  types: Record<string, TypeDefinition>;
  /** What could not be read, one line each (`file: what`), so a CDK change is noticed. */
  unrecognized: string[];
}

type Functions = Map<string, ts.FunctionDeclaration>;

/** Scalar mappers → spec type; `undefined` = any value (the spec's untyped `json`). */
const SCALAR_MAPPERS: Record<string, PropertyDefinition> = {
  stringToRosTemplate: { Type: 'string' },
  numberToRosTemplate: { Type: 'number' },
  booleanToRosTemplate: { Type: 'boolean' },
  objectToRosTemplate: {},
  anyDictToRosTemplate: { Type: 'map' },
  // `ros.RosTag`: a {Key, Value} mapping the CDK validates itself; kept as a free-form map.
  rosTagToRosTemplate: { Type: 'map' },
};

/** `ros.<name>` → name; anything else → undefined. */
function rosMember(node: ts.Node): string | undefined {
  return ts.isPropertyAccessExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'ros'
    ? node.name.text
    : undefined;
}

function visit(node: ts.Node, fn: (n: ts.Node) => void): void {
  fn(node);
  node.forEachChild((child) => visit(child, fn));
}

/** A literal (string, number, boolean, null, array or object of literals) as a value; else undefined. */
function literal(node: ts.Expression): { value: unknown } | undefined {
  if (ts.isStringLiteralLike(node)) return { value: node.text };
  if (ts.isNumericLiteral(node)) return { value: Number(node.text) };
  if (node.kind === ts.SyntaxKind.TrueKeyword) return { value: true };
  if (node.kind === ts.SyntaxKind.FalseKeyword) return { value: false };
  if (node.kind === ts.SyntaxKind.NullKeyword) return { value: null };
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
    const inner = literal(node.operand);
    return typeof inner?.value === 'number' ? { value: -inner.value } : undefined;
  }
  if (ts.isArrayLiteralExpression(node)) {
    const items = node.elements.map(literal);
    return items.every(Boolean) ? { value: items.map((i) => i?.value) } : undefined;
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return literal(node.expression);
  return undefined;
}

const propertyName = (name: ts.PropertyName): string | undefined =>
  ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name) ? name.text : undefined;

/** The named members of an object literal. */
function members(node: ts.ObjectLiteralExpression): Map<string, ts.Expression> {
  const out = new Map<string, ts.Expression>();
  for (const p of node.properties) {
    const name = ts.isPropertyAssignment(p) ? propertyName(p.name) : undefined;
    if (name !== undefined && ts.isPropertyAssignment(p)) out.set(name, p.initializer);
  }
  return out;
}

/** `{ min, max }` of a validateRange/validateLength argument; `undefined` bounds are left out. */
function bounds(arg: Map<string, ts.Expression>): { Min?: number; Max?: number } | undefined {
  const out: { Min?: number; Max?: number } = {};
  for (const [key, field] of [
    ['min', 'Min'],
    ['max', 'Max'],
  ] as const) {
    const node = arg.get(key);
    const value = node && literal(node)?.value;
    if (typeof value === 'number') out[field] = value;
  }
  return out.Min === undefined && out.Max === undefined ? undefined : out;
}

/** The regular expression literal's source, without the slashes and flags. */
function regexSource(node: ts.Expression | undefined): string | undefined {
  if (!node || node.kind !== ts.SyntaxKind.RegularExpressionLiteral) return undefined;
  const text = (node as ts.RegularExpressionLiteral).text;
  const end = text.lastIndexOf('/');
  return text.slice(1, end);
}

interface PropertyChecks {
  required: boolean;
  constraints: Constraint[];
}

/** Required-ness and constraints per camelCase name, read from one validator function. */
function readValidator(
  fn: ts.FunctionDeclaration,
  where: string,
  out: Extracted,
): Map<string, PropertyChecks> {
  const checks = new Map<string, PropertyChecks>();
  const entry = (name: string) => {
    let c = checks.get(name);
    if (!c) checks.set(name, (c = { required: false, constraints: [] }));
    return c;
  };
  visit(fn, (node) => {
    // ros.propertyValidator('<camel>', <validator>)(<argument>)
    if (!ts.isCallExpression(node) || !ts.isCallExpression(node.expression)) return;
    const inner = node.expression;
    if (rosMember(inner.expression) !== 'propertyValidator' || inner.arguments.length !== 2) return;
    const [nameNode, validator] = inner.arguments;
    if (!ts.isStringLiteralLike(nameNode)) return;
    const name = nameNode.text;
    const kind = rosMember(validator);
    const arg = node.arguments[0];
    const fields = arg && ts.isObjectLiteralExpression(arg) ? members(arg) : new Map<string, ts.Expression>();
    if (kind === 'requiredValidator') entry(name).required = true;
    else if (kind === 'validateAllowedValues') {
      const values = fields.get('allowedValues');
      const list = values && literal(values)?.value;
      if (Array.isArray(list)) entry(name).constraints.push({ AllowedValues: list });
      else out.unrecognized.push(`${where}.${name}: AllowedValues that are not literals`);
    } else if (kind === 'validateAllowedPattern') {
      const pattern = regexSource(fields.get('reg'));
      if (pattern !== undefined) entry(name).constraints.push({ AllowedPattern: pattern });
      else out.unrecognized.push(`${where}.${name}: a pattern that is not a regular expression literal`);
    } else if (kind === 'validateRange' || kind === 'validateLength') {
      const limits = bounds(fields);
      if (limits)
        entry(name).constraints.push(kind === 'validateRange' ? { Range: limits } : { Length: limits });
    }
  });
  return checks;
}

/** The name of the function called as `<name>(properties).assertSuccess()` inside `fn`. */
function calledValidator(fn: ts.FunctionDeclaration): string | undefined {
  let found: string | undefined;
  visit(fn, (node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'assertSuccess' &&
      ts.isCallExpression(node.expression.expression) &&
      ts.isIdentifier(node.expression.expression.expression)
    )
      found ??= node.expression.expression.expression.text;
  });
  return found;
}

/** The object literal the renderer returns (its last `return { … }`). */
function renderedObject(fn: ts.FunctionDeclaration): ts.ObjectLiteralExpression | undefined {
  let found: ts.ObjectLiteralExpression | undefined;
  visit(fn, (node) => {
    if (ts.isReturnStatement(node) && node.expression && ts.isObjectLiteralExpression(node.expression))
      found = node.expression;
  });
  return found;
}

class Reader {
  constructor(
    private readonly functions: Functions,
    private readonly file: string,
    private readonly out: Extracted,
  ) {}

  /** The ROS properties a renderer function produces, with the checks of the validator it calls. */
  properties(rendererName: string, where: string, depth = 0): Record<string, PropertyDefinition> | undefined {
    const renderer = this.functions.get(rendererName);
    const object = renderer && renderedObject(renderer);
    if (!renderer || !object || depth > 20) {
      this.out.unrecognized.push(`${this.file}: ${where}: renderer ${rendererName} not found`);
      return undefined;
    }
    const validatorName = calledValidator(renderer);
    const validator = validatorName ? this.functions.get(validatorName) : undefined;
    const checks = validator ? readValidator(validator, `${this.file}: ${where}`, this.out) : new Map();
    const properties: Record<string, PropertyDefinition> = {};
    for (const p of object.properties) {
      const rosName = ts.isPropertyAssignment(p) ? propertyName(p.name) : undefined;
      if (!rosName || !ts.isPropertyAssignment(p)) {
        this.out.unrecognized.push(`${this.file}: ${where}: a rendered entry without a plain name`);
        continue;
      }
      // `'<RosName>': <mapper>(properties.<camel>)`; anything else keeps the name, untyped.
      const call = ts.isCallExpression(p.initializer) ? p.initializer : undefined;
      const value = call?.arguments[0];
      const camel = value && ts.isPropertyAccessExpression(value) ? value.name.text : undefined;
      const shape = call
        ? this.mapper(call.expression, `${where}.${rosName}`, depth)
        : this.unknown(where, p);
      const check = camel ? checks.get(camel) : undefined;
      const property: PropertyDefinition = { ...shape, Required: check?.required ?? false };
      if (check?.constraints.length) property.Constraints = check.constraints;
      properties[rosName] = property;
    }
    return properties;
  }

  /**
   * The property shape a mapper expression renders. A shape this reader does not know is reported
   * and kept untyped: a property name known without its type never causes a false finding.
   */
  private mapper(node: ts.Expression, where: string, depth: number): PropertyDefinition {
    const scalar = rosMember(node);
    if (scalar !== undefined && scalar in SCALAR_MAPPERS) return { ...SCALAR_MAPPERS[scalar] };
    if (ts.isCallExpression(node) && node.arguments.length === 1) {
      const wrapper = rosMember(node.expression);
      if (wrapper === 'listMapper' || wrapper === 'hashMapper') {
        const item = this.mapper(node.arguments[0], `${where}.*`, depth);
        const Type = wrapper === 'listMapper' ? 'list' : 'map';
        // A list or map of anything has no item schema, as in the ROS specification.
        return item.Type === undefined ? { Type } : { Type, Schema: { '*': { ...item, Required: false } } };
      }
    }
    if (ts.isIdentifier(node)) {
      const Schema = this.properties(node.text, where, depth + 1);
      return Schema ? { Type: 'map', Schema } : { Type: 'map' };
    }
    return this.unknown(where, node);
  }

  private unknown(where: string, node: ts.Node): PropertyDefinition {
    this.out.unrecognized.push(`${this.file}: ${where}: unknown mapper ${node.getText()}`);
    return {};
  }
}

/** `Ros<X>.ROS_RESOURCE_TYPE_NAME = "<type>"` (compiled) or a static class property (source). */
function typeNameOf(cls: ts.ClassDeclaration, assigned: Map<string, string>): string | undefined {
  for (const member of cls.members)
    if (
      ts.isPropertyDeclaration(member) &&
      propertyName(member.name) === 'ROS_RESOURCE_TYPE_NAME' &&
      member.initializer &&
      ts.isStringLiteralLike(member.initializer)
    )
      return member.initializer.text;
  return cls.name ? assigned.get(cls.name.text) : undefined;
}

/** Extracts every ROS type defined in one generated module. */
export function extractTypes(
  fileName: string,
  text: string,
  out: Extracted = { types: {}, unrecognized: [] },
): Extracted {
  const kind = /\.tsx?$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const functions: Functions = new Map();
  const classes: ts.ClassDeclaration[] = [];
  const assigned = new Map<string, string>();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) functions.set(statement.name.text, statement);
    else if (ts.isClassDeclaration(statement) && statement.name) classes.push(statement);
    else if (
      ts.isExpressionStatement(statement) &&
      ts.isBinaryExpression(statement.expression) &&
      statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(statement.expression.left) &&
      statement.expression.left.name.text === 'ROS_RESOURCE_TYPE_NAME' &&
      ts.isIdentifier(statement.expression.left.expression) &&
      ts.isStringLiteralLike(statement.expression.right)
    )
      assigned.set(statement.expression.left.expression.text, statement.expression.right.text);
  }
  const reader = new Reader(functions, fileName, out);
  for (const cls of classes) {
    const type = typeNameOf(cls, assigned);
    if (!type) continue;
    const attributes: Record<string, object> = {};
    let renderer: string | undefined;
    visit(cls, (node) => {
      if (!ts.isCallExpression(node)) return;
      const callee = node.expression;
      const [first] = node.arguments;
      if (
        ts.isPropertyAccessExpression(callee) &&
        callee.expression.kind === ts.SyntaxKind.ThisKeyword &&
        callee.name.text === 'getAtt' &&
        first &&
        ts.isStringLiteralLike(first)
      )
        attributes[first.text] = {};
      else if (ts.isIdentifier(callee) && /PropsToRosTemplate$/.test(callee.text)) renderer ??= callee.text;
    });
    if (!renderer) {
      out.unrecognized.push(`${fileName}: ${type}: no renderer`);
      continue;
    }
    const properties = reader.properties(renderer, type);
    if (properties) out.types[type] = { Properties: properties, Attributes: attributes };
  }
  return out;
}
