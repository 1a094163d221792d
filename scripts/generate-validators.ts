import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import standaloneCode from 'ajv/dist/standalone';
import { createAjv } from '../schemas/ajv-factory';
import { linearRegExp } from '../schemas/pattern';
import { allSchemas, validatorName } from '../schemas/registry';

/** The name the generated module's patterns are built with (the factory's parameter). */
const ENGINE = 'linearRegExp';

/**
 * At generation, every schema pattern must compile on the linear engine (a build error otherwise);
 * the generated code then builds its patterns with whatever engine the factory is given.
 */
const generationEngine = Object.assign(
  (source: string) => {
    const verdict = linearRegExp(source);
    if (verdict.kind !== 'checked') throw new Error(`schema pattern ${source}: ${verdict.reason}`);
    return verdict.pattern;
  },
  { code: ENGINE },
);

/**
 * Writes every schema's ajv standalone validator into schemas/generated/ (gitignored), as a module
 * exporting one factory: `require('./generated/validators.js')(engine)` gives the validators, whose
 * patterns run on `engine` (schemas/validate.ts passes the linear one, schemas/pattern.ts).
 */
export function generateValidators(root: string): string {
  const ajv = createAjv({ code: { source: true, regExp: generationEngine } });
  const exportsMap = Object.fromEntries(allSchemas().map((s) => [validatorName(s.$id), s.$id]));
  const code = standaloneCode(ajv, exportsMap);
  const factory = `"use strict";\nmodule.exports = function validators(${ENGINE}) {\nconst exports = {};\n${code}\nreturn exports;\n};\n`;
  const dir = join(root, 'schemas', 'generated');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'validators.js');
  writeFileSync(file, factory);
  return file;
}
