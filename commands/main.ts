import pkg from '../package.json';
import { didYouMean, unknownCommand, UsageError } from '../cli/args';
import type { ExitCode, Io } from '../cli/io';
import { FileError } from '../cli/output';
import { runLint, runRules } from '../lint/cli';
import { ConfigError } from '../lint/config';
import { runDiff } from '../lint/diff/diff-command';
import { runUpdateInfo } from '../lint/diff/update-info-command';
import { terminalSafe } from '../lint/formatters/terminal';
import { runSchemas } from '../schema-tools/cli';

/**
 * The `ros-sso` command line. bin/ros-sso.js loads one bundle per command family: `local` and
 * `deploy` have their own (local/main.ts, deploy/cli.ts); every other command comes here, the entry
 * of dist/lint.js, which routes it to the folder that does the work.
 */
export const USAGE = `Usage: ros-sso <command> [options]

Commands:
  lint [paths...]     lint ROS templates (see ros-sso lint --help)
  diff OLD NEW        what a stack update from OLD to NEW cannot update (see ros-sso diff --help)
  update-info FILE    which parameters a stack can change later (ValidateTemplate UpdateInfo)
  rules               list the lint rules (--format text|markdown|json)
  local ...           run templates locally against the CloudSSO/RAM emulator
  deploy ...          create or update the provider function in FC 3.0 (see ros-sso deploy --help)
  plan NEW            which RAM users a stack change creates, renames, takes over or deletes (read-only)
  schemas update      refresh resource type definitions from the ROS API (needs an access key)
  schemas export      write a JSON Schema of ROS templates for editors (yaml-language-server, VS Code)
  schemas list        every resource type with a definition and where it comes from (package@version)
  schemas info TYPE   one type's source, properties, required ones, attributes

Options: -h, --help (also after any command: ros-sso lint --help), -v, --version
`;

const COMMANDS = ['lint', 'diff', 'update-info', 'rules', 'local', 'deploy', 'plan', 'schemas', 'help'];

/** The CLI of the lint bundle. Never exits the process; returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return runLint(rest, io);
      case 'rules':
        return runRules(rest, io);
      case 'diff':
        return runDiff(rest, io);
      case 'update-info':
        return runUpdateInfo(rest, io);
      case 'schemas':
        return await runSchemas(rest, io);
      case '--version':
      case '-v':
        io.stdout(`${pkg.version}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        if (command.startsWith('-'))
          throw new UsageError(`unknown option ${command}${didYouMean(command, ['--help', '--version'])}`);
        throw unknownCommand(command, COMMANDS);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof FileError) {
      // Messages name files and template values: never let them drive the terminal.
      const hint = err instanceof UsageError ? ` (see ${err.help})` : '';
      io.stderr(`ros-sso: ${terminalSafe(err.message.replace(/\s*[\r\n]+\s*/g, ' '))}${hint}\n`);
      return 2;
    }
    throw err;
  }
}
