/**
 * `npm run generate:types -- [options] INPUT...`: rebuilds the committed type data in
 * schemas/ros-types/ from ROS CDK service packages. Facts only (see schemas/README.md).
 *
 *   INPUT                 an npm tarball (`npm pack @alicloud/ros-cdk-ecs`), an unpacked package,
 *                         or a folder of either
 *   --origin TEXT         where the following INPUTs come from, recorded per source
 *                         (default: npm registry)
 *   --type-list FILE      a JSON list of existing type names (object keys, strings, or objects
 *                         with `resource_type`, whose `attributes` are added to the defined
 *                         types' attribute names); repeatable; recorded with the current --origin
 *   --spec FILE           the old full specification (default: the installed @alicloud/ros-cdk-spec)
 *   --out DIR             default schemas/ros-types
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { assemble, type TypeListInput } from './ros-types/assemble';
import { type CdkPackage, readPackages } from './ros-types/package-files';
import { attributesFrom, readSpec, render, typeNamesFrom } from './ros-types/files';

const USAGE =
  'usage: generate-ros-types [--out DIR] [--spec FILE] [--origin TEXT] [--type-list FILE] INPUT...';

function main(argv: readonly string[], cwd = process.cwd()): number {
  let out = join(cwd, 'schemas', 'ros-types');
  let specFile: string | undefined;
  let origin = 'npm registry';
  const packages: Array<CdkPackage & { origin: string }> = [];
  const typeLists: TypeListInput[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value; ${USAGE}`);
      return v;
    };
    if (arg === '--out') out = resolve(cwd, value());
    else if (arg === '--spec') specFile = resolve(cwd, value());
    else if (arg === '--origin') origin = value();
    else if (arg === '--type-list') {
      const file = resolve(cwd, value());
      const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
      typeLists.push({
        from: basename(file),
        origin,
        names: typeNamesFrom(json),
        attributes: attributesFrom(json),
      });
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}; ${USAGE}`);
    else for (const pkg of readPackages(resolve(cwd, arg))) packages.push({ ...pkg, origin });
  }
  if (!packages.length) throw new Error(USAGE);
  specFile ??= join(
    dirname(require.resolve('@alicloud/ros-cdk-spec/package.json', { paths: [cwd] })),
    'spec',
    'specification_origin.json',
  );
  const spec = readSpec(specFile);
  const generated = {
    by: 'scripts/generate-ros-types.ts (npm run generate:types); do not edit by hand',
    facts:
      'ROS property names, Type, Required, AllowedValues, AllowedPattern, Range, Length, nested Schema and attribute names from the ROS CDK packages (lib/*.generated.js); UpdateAllowed, Default and integer-vs-number from ' +
      `${spec.package}@${spec.version} where type and property match; more attribute names from the type lists (existing-types.json names them); no descriptions`,
  };
  const result = assemble(packages, spec, typeLists, generated);

  mkdirSync(out, { recursive: true });
  for (const old of readdirSync(out)) if (old.endsWith('.json')) rmSync(join(out, old));
  writeFileSync(join(out, 'index.json'), render({ ...result.index }));
  for (const [name, file] of Object.entries(result.files))
    writeFileSync(join(out, name), render({ ...file }));
  writeFileSync(join(out, 'existing-types.json'), render({ ...result.existing }));
  for (const line of result.summary) process.stdout.write(`${line}\n`);
  for (const line of result.unrecognized) process.stderr.write(`not understood: ${line}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`generate-ros-types: ${(err as Error).message}\n`);
  process.exitCode = 2;
}
