import Ajv2020, { type CodeOptions } from 'ajv/dist/2020';
import { allSchemas } from './registry';

/** Extra keywords our schemas carry (documented in README.md); annotations only, no validation code. */
export const EXTRA_KEYWORDS = [
  'rosType',
  'notUpdatableProperties',
  'attributes',
  'uncheckedPatterns',
] as const;

/**
 * The one ajv configuration used for our own schemas, for linting and for handler input.
 * `coerceTypes` accepts `"60"` for a number and `123` for a string, as ROS does; `verbose` lets
 * messages quote the schema. (Types converted from ROS definitions use ros-spec/subset-validator.ts.)
 */
export function createAjv(options: { code?: Pick<CodeOptions, 'source' | 'regExp'> } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    coerceTypes: true,
    verbose: true,
    allowUnionTypes: true,
    strict: true,
    code: { lines: false, optimize: true, ...options.code },
  });
  for (const keyword of EXTRA_KEYWORDS) ajv.addKeyword({ keyword });
  for (const schema of allSchemas()) ajv.addSchema(schema);
  return ajv;
}
