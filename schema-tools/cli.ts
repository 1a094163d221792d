import { unknownCommand } from '../cli/args';
import type { ExitCode, Io } from '../cli/io';
import { runSchemasExport } from './export/cli';
import { runSchemasInfo, runSchemasList } from './list/cli';
import { runSchemasUpdate } from './update/cli';

export const SCHEMAS_USAGE = `Usage: ros-sso schemas <command> [options]

Commands:
  update        refresh resource type definitions from the ROS API (needs an access key)
  export        write a JSON Schema of ROS templates for editors
  list          every resource type with a definition and where it comes from
  info TYPE     one type's source, properties, required ones, attributes

Options: -h, --help (also after a command: ros-sso schemas update --help)
`;

const SCHEMAS_COMMANDS = ['update', 'export', 'list', 'info'];

/** `ros-sso schemas <command>`. */
export async function runSchemas(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'update':
      return runSchemasUpdate(rest, io);
    case 'export':
      return runSchemasExport(rest, io);
    case 'list':
      return runSchemasList(rest, io);
    case 'info':
      return runSchemasInfo(rest, io);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout(SCHEMAS_USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw unknownCommand(command, SCHEMAS_COMMANDS, {
        kind: 'schemas command',
        help: 'ros-sso schemas --help',
      });
  }
}
