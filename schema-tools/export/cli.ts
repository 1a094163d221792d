import type { Io } from '../../cli/io';
import { writeOutput } from '../../cli/output';
import { parseCommandLine, UsageError } from '../../cli/args';
import { templateSchema } from './template-schema';

export const SCHEMAS_EXPORT_USAGE = `Usage: ros-sso schemas export [--output FILE]

Writes a JSON Schema for whole ROS templates (sections, every known resource type with its
properties, intrinsic functions) for yaml-language-server and VS Code completion and hover.
Definitions refreshed by ros-sso schemas update are included.
`;

/** `ros-sso schemas export`: the editor schema, to stdout or a file. */
export function runSchemasExport(argv: readonly string[], io: Io): 0 {
  const { values, positionals } = parseCommandLine(
    argv,
    {
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
    { command: 'schemas export' },
  );
  if (values.help) {
    io.stdout(SCHEMAS_EXPORT_USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  const text = `${JSON.stringify(templateSchema())}\n`;
  if (values.output) {
    writeOutput(io.cwd, values.output, text);
    io.stderr(`ros-sso: wrote ${values.output} (${(text.length / 1024).toFixed(0)} KB)\n`);
  } else io.stdout(text);
  return 0;
}
