import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allSchemas, resourceSchemas } from '../schemas/registry';
import { PROPS_TYPES_FILE, renderPropsTypes } from './props-types';

// Writes the handlers' property types from the custom types' schemas; `npm run docs` runs it from
// the repository root (this script runs bundled elsewhere, so it goes by the working directory).
const file = join(process.cwd(), PROPS_TYPES_FILE);
try {
  writeFileSync(file, renderPropsTypes(resourceSchemas, allSchemas()));
  process.stdout.write(`wrote ${PROPS_TYPES_FILE}\n`);
} catch (err) {
  process.stderr.write(`generate-props-types: ${(err as Error).message}\n`);
  process.exitCode = 2;
}
