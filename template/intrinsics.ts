/**
 * The 43 ROS runtime functions and the argument shape each takes (docs/template-grammar.md has the
 * sources). The YAML short-form tags are derived from this list, so every function has its
 * `!Name` form.
 */
export interface ArgShape {
  /** A list of `min`..`max` items (`max` may be Infinity); absent when no list is taken. */
  list?: { min: number; max: number };
  /** A plain string (Ref's name, Fn::Sub's text, a condition name for Fn::Not, …). */
  string?: boolean;
  /** A mapping (Fn::Not's condition written inline). */
  mapping?: boolean;
  /** Anything: the function takes one value of any shape. */
  any?: boolean;
}

const list = (min: number, max = min, extra: Omit<ArgShape, 'list'> = {}): ArgShape => ({
  list: { min, max },
  ...extra,
});
const many = (min = 0): ArgShape => list(min, Infinity);
const any: ArgShape = { any: true };

export const INTRINSIC_FUNCTIONS: Readonly<Record<string, ArgShape>> = {
  Ref: { string: true },
  'Fn::Add': many(2),
  'Fn::And': many(2),
  'Fn::Any': many(),
  'Fn::Avg': list(2),
  'Fn::Base64': any,
  'Fn::Base64Decode': any,
  'Fn::Base64Encode': any,
  'Fn::Calculate': list(2, 3),
  'Fn::Cidr': list(3),
  'Fn::Contains': list(2),
  'Fn::EachMemberIn': list(2),
  'Fn::Equals': list(2),
  'Fn::FindInMap': list(3),
  'Fn::FormatTime': list(1, 2, { string: true }),
  'Fn::GetAtt': list(2),
  'Fn::GetAZs': any,
  'Fn::GetJsonValue': list(2),
  'Fn::GetStackOutput': list(2, 3),
  'Fn::If': list(3),
  'Fn::Indent': list(2, 4),
  'Fn::Index': list(2),
  'Fn::Join': list(2),
  'Fn::Jq': list(3),
  'Fn::Length': any,
  'Fn::ListMerge': many(),
  'Fn::MarketplaceImage': any,
  'Fn::MatchPattern': list(2),
  'Fn::Max': many(),
  'Fn::MemberListToMap': list(3),
  'Fn::MergeMap': list(2),
  'Fn::MergeMapToList': many(),
  'Fn::Min': many(),
  'Fn::Not': list(1, 1, { string: true, mapping: true }),
  'Fn::Or': many(2),
  'Fn::Replace': list(2),
  'Fn::ResourceFacade': { string: true },
  // [index or key or 'start:stop:step', list or mapping, default, error message]
  'Fn::Select': list(2, 4),
  'Fn::SelectMapList': list(2),
  'Fn::Split': list(2),
  'Fn::Str': any,
  'Fn::Sub': list(1, 2, { string: true }),
  'Fn::TransformNamespace': list(3),
};

export const FUNCTION_NAMES: readonly string[] = Object.keys(INTRINSIC_FUNCTIONS);

const FUNCTION_PREFIX = 'fn::';

/** True for a key ROS might be meant to read as a function: `Ref`, or `Fn::…` in any letter case. */
export function isFunctionLikeKey(key: string): boolean {
  return key === 'Ref' || (key.length > 4 && key.slice(0, 4).toLowerCase() === FUNCTION_PREFIX);
}

/** The function name a wrongly cased key was meant to be (`FN::Length` → `Fn::Length`). */
export function functionForCase(key: string): string | undefined {
  const lower = key.toLowerCase();
  return FUNCTION_NAMES.find((fn) => fn.toLowerCase() === lower);
}

/** `!Ref` → `Ref`, `!Join` → `Fn::Join`. */
export function functionForTag(tag: string): string | undefined {
  const name = tag.startsWith('!') ? tag.slice(1) : tag;
  const fn = name === 'Ref' ? 'Ref' : `Fn::${name}`;
  return fn in INTRINSIC_FUNCTIONS ? fn : undefined;
}

export function tagForFunction(fn: string): string {
  return fn === 'Ref' ? '!Ref' : `!${fn.slice(4)}`;
}

/** A value `{ "Fn::X": args }` or `{ Ref: name }`: exactly one key, naming a known function. */
export function asIntrinsic(value: unknown): { fn: string; args: unknown } | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  let fn: string | undefined;
  for (const key in value) {
    if (fn !== undefined) return undefined;
    fn = key;
  }
  if (fn === undefined || !(fn in INTRINSIC_FUNCTIONS)) return undefined;
  return { fn, args: (value as Record<string, unknown>)[fn] };
}

/**
 * True for `{ "Fn::…": … }`-looking mappings, known, unknown or wrongly cased (used to skip literal
 * checks: function-unknown reports the ones ROS would not run).
 */
export function looksLikeFunction(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  let only: string | undefined;
  for (const key in value) {
    if (only !== undefined) return false;
    only = key;
  }
  return only !== undefined && isFunctionLikeKey(only);
}

export const PSEUDO_PARAMETERS: readonly string[] = [
  'ALIYUN::StackName',
  'ALIYUN::StackId',
  'ALIYUN::Region',
  'ALIYUN::AccountId',
  'ALIYUN::TenantId',
  'ALIYUN::ResourceGroupId',
  'ALIYUN::NoValue',
  'ALIYUN::Index',
];
