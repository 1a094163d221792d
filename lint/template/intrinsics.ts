/**
 * The ROS intrinsic functions (ros-protocol.md §2.8) and the argument shape each takes. The YAML
 * short-form tags are derived from this list, so every function has its `!Name` form.
 */
export type ArgShape =
  | { kind: 'string' }
  | { kind: 'list'; min: number; max: number }
  | { kind: 'string-or-list'; min: number; max: number }
  | { kind: 'list-or-mapping'; min: number; max: number }
  | { kind: 'any' };

const list = (min: number, max = min): ArgShape => ({ kind: 'list', min, max });
const any: ArgShape = { kind: 'any' };

export const INTRINSIC_FUNCTIONS: Readonly<Record<string, ArgShape>> = {
  Ref: { kind: 'string' },
  'Fn::Base64Encode': any,
  'Fn::Base64Decode': any,
  'Fn::Str': any,
  'Fn::Indent': any,
  'Fn::FindInMap': list(3),
  'Fn::GetAtt': list(2),
  'Fn::Join': list(2),
  'Fn::Sub': { kind: 'string-or-list', min: 1, max: 2 },
  'Fn::Select': list(2),
  'Fn::GetAZs': any,
  'Fn::Replace': list(2),
  'Fn::Split': list(2),
  'Fn::Equals': list(2),
  'Fn::And': list(2, 10),
  'Fn::Or': list(2, 10),
  'Fn::Not': { kind: 'list-or-mapping', min: 1, max: 1 },
  'Fn::Index': list(2),
  'Fn::If': list(3),
  'Fn::Length': any,
  'Fn::ListMerge': any,
  'Fn::GetJsonValue': list(2),
  'Fn::MergeMapToList': any,
  'Fn::Avg': list(2),
  'Fn::SelectMapList': list(2),
  'Fn::Add': any,
  'Fn::Calculate': list(2, 3),
  'Fn::Max': any,
  'Fn::Min': any,
  'Fn::GetStackOutput': list(2, 3),
  'Fn::Jq': any,
  'Fn::FormatTime': any,
  'Fn::MarketplaceImage': any,
  'Fn::Any': list(2, 100),
  'Fn::Contains': list(2),
  'Fn::EachMemberIn': list(2),
  'Fn::MatchPattern': list(2),
  'Fn::Cidr': any,
  'Fn::MemberListToMap': any,
};

export const FUNCTION_NAMES: readonly string[] = Object.keys(INTRINSIC_FUNCTIONS);

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

/** True for `{ "Fn::…": … }`-looking mappings, known or not (used to skip literal checks). */
export function looksLikeFunction(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
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
