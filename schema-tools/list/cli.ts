import type { Io } from '../../cli/io';
import { parseCommandLine, UsageError } from '../../cli/args';
import {
  existingOrKnownTypeNames,
  isExistingType,
  knownTypeNames,
  type TypeEntry,
  typeEntry,
} from '../../schemas/catalog';
import { bundledIndex } from '../../schemas/ros-spec/bundled';
import { suggestion } from '../../lint/rules/util/did-you-mean';

export const SCHEMAS_LIST_USAGE = `Usage: ros-sso schemas list [--format text|json]
       ros-sso schemas info TYPE [--format text|json]

list: every resource type with a definition, where it comes from (provenance and source).
info: one type's source, properties, required ones, attributes and the properties an update
      cannot change. Findings that only bundled data (cdk, spec) backs are warnings.
`;

/** Where one definition comes from, as listed. */
function sourceOf(entry: TypeEntry): { type: string; provenance: string; source: string; origin?: string } {
  const origin = bundledIndex().sources.find((s) => s.id === entry.source)?.origin;
  return {
    type: entry.type,
    provenance: entry.provenance,
    source: entry.source,
    ...(origin ? { origin } : {}),
  };
}

function parse(
  argv: readonly string[],
  command: string,
): { format: 'text' | 'json'; positionals: string[]; help: boolean } {
  const { values, positionals } = parseCommandLine(
    argv,
    { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } },
    { command },
  );
  if (values.help) return { format: 'text', positionals, help: true };
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`unknown format ${format}; use text or json`);
  return { format, positionals, help: values.help ?? false };
}

/** `ros-sso schemas list`: every defined type with its provenance and source. */
export function runSchemasList(argv: readonly string[], io: Io): 0 {
  const { format, positionals, help } = parse(argv, 'schemas list');
  if (help) {
    io.stdout(SCHEMAS_LIST_USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
  const known = knownTypeNames();
  const rows = known.flatMap((type) => {
    const entry = typeEntry(type);
    return entry ? [sourceOf(entry)] : [];
  });
  const defined = new Set(known);
  const undefinedOfficial = existingOrKnownTypeNames().filter(
    (t) => !defined.has(t) && isExistingType(t),
  ).length;
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ types: rows, officialWithoutDefinition: undefinedOfficial }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rows.map((r) => r.type.length));
  const lines = rows.map((r) => `${r.type.padEnd(width)}  ${r.provenance.padEnd(9)}  ${r.source}`);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.provenance, (counts.get(r.provenance) ?? 0) + 1);
  const summary = [...counts].map(([p, n]) => `${n} ${p}`).join(', ');
  io.stdout(
    `${lines.join('\n')}\n\n${rows.length} types with a definition (${summary}); ${undefinedOfficial} more official ROS types without one (ros-sso schemas update fetches them)\n`,
  );
  return 0;
}

/** `ros-sso schemas info TYPE`: one type's source and facts. 1 when the type is not known. */
export function runSchemasInfo(argv: readonly string[], io: Io): 0 | 1 {
  const { format, positionals, help } = parse(argv, 'schemas info');
  if (help) {
    io.stdout(SCHEMAS_LIST_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('usage: ros-sso schemas info TYPE [--format text|json]');
  const [type] = positionals;
  const entry = typeEntry(type);
  if (!entry) {
    const official = isExistingType(type);
    if (format === 'json') io.stdout(`${JSON.stringify({ type, defined: false, official })}\n`);
    else if (official)
      io.stdout(
        `${type}: an official ROS type without a definition here (ros-sso schemas update fetches it)\n`,
      );
    else io.stdout(`${type}: unknown resource type${suggestion(type, existingOrKnownTypeNames())}\n`);
    return official ? 0 : 1;
  }
  const { schema } = entry;
  const facts = {
    ...sourceOf(entry),
    stale: entry.staleSource !== undefined,
    properties: Object.keys(schema.properties),
    required: schema.required ?? [],
    attributes: schema.attributes,
    notUpdatable: schema.notUpdatableProperties,
  };
  if (format === 'json') {
    io.stdout(`${JSON.stringify(facts, null, 2)}\n`);
    return 0;
  }
  const list = (items: readonly string[]) => (items.length ? items.join(', ') : '-');
  io.stdout(
    [
      `${type}`,
      `  provenance    ${facts.provenance}${facts.stale ? ' (bundled: stale-prone findings are warnings)' : ''}`,
      `  source        ${facts.source}${facts.origin ? ` (${facts.origin})` : ''}`,
      `  properties    ${list(facts.properties)}`,
      `  required      ${list(facts.required)}`,
      `  attributes    ${list(facts.attributes)}`,
      `  not updatable ${list(facts.notUpdatable.map((p) => p.slice(1)))}`,
      '',
    ].join('\n'),
  );
  return 0;
}
