import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Builds lint/rules/data/association-properties.json: the AssociationProperty names the ROS console
 * parameter form knows, names only, from Alibaba's validator data (aliyun/iac-code,
 * `src/iac_code/tools/cloud/aliyun/ros_validation/data/ros_association_property_specs.json`).
 *
 *   git --git-dir <iac-code>.git show HEAD:<that path> > specs.json
 *   node scripts/run-ts.js scripts/generate-association-properties.ts specs.json <commit>
 */
const SPEC_PATH = 'src/iac_code/tools/cloud/aliyun/ros_validation/data/ros_association_property_specs.json';

interface Specs {
  association_properties: Record<string, unknown>;
  excluded_association_properties: Record<string, { scope: string }>;
}

function generateAssociationProperties(specsFile: string, commit: string, root: string): string {
  const specs = JSON.parse(readFileSync(specsFile, 'utf8')) as Specs;
  const out = {
    source: { repository: 'aliyun/iac-code', commit, path: SPEC_PATH },
    // Known to the stock ROS parameter form (deprecated aliases included: the form still reads them).
    names: Object.keys(specs.association_properties).sort(),
    // Known names that the stock ROS form does not offer (OOS-only and the like): not misspellings.
    otherForms: Object.keys(specs.excluded_association_properties).sort(),
  };
  const file = join(root, 'lint', 'rules', 'data', 'association-properties.json');
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  return file;
}

const [specsFile, commit] = process.argv.slice(2);
if (!specsFile || !/^[0-9a-f]{40}$/.test(commit ?? '')) {
  process.stderr.write('usage: generate-association-properties.ts <specs.json> <40-hex commit>\n');
  process.exit(2);
}
process.stdout.write(`${generateAssociationProperties(specsFile, commit, process.cwd())}\n`);
