import type { ExitCode, Io } from '../cli/io';
import { unknownCommand, UsageError } from '../cli/args';
import { FAULT_OPTIONS, HelpRequested, LocalUsageError, parse, runStackCommand, runState } from './commands';
import { runDemo } from './demo';
import { runLocalPlan } from './plan-command';
import { FaultSpecError, SeedError, startEmulator } from './emulator';
import { StateLockError } from './state-lock';
import { LOCAL_COMMAND_USAGE } from './usage';
import { StateFileError } from './workspace';

export const LOCAL_USAGE = `Usage: ros-sso local <command>

  serve [--port N] [--seed FILE] [--faults SPEC]      run the CloudSSO/RAM emulator until SIGINT/SIGTERM
  deploy TEMPLATE --stack NAME [--parameter K=V ...]   create a local stack
  update TEMPLATE --stack NAME [--parameter K=V ...] [--replacement]
  delete STACK                                         delete a local stack
  plan TEMPLATE --stack NAME | plan --delete STACK     what a deploy, update or delete would do to RAM users
  state [--stack NAME] [--format text|json]            show directories, provisionings, RAM users, stacks
  demo                                                 the whole lifecycle on a fresh emulator (npm start)

Common: --state-dir DIR (default .ros-sso-local, or ROS_SSO_LOCAL_DIR), --seed FILE, --faults SPEC
Each command's options: ros-sso local <command> --help
One command at a time uses a state directory; another waits up to ROS_SSO_LOCAL_LOCK_WAIT seconds (60).
Exit codes: 0 done, 1 the operation failed or the state directory or port cannot be used, 2 usage error.
`;

const COMMANDS = Object.keys(LOCAL_COMMAND_USAGE);

/** The port is taken or not ours to use: a fact of the machine, not a usage mistake (exit 1). */
class PortError extends Error {}

/** `ros-sso local serve`: prints one JSON line once listening, then serves until a signal. */
async function serve(argv: readonly string[], io: Io): Promise<0> {
  const { values } = parse('serve', argv, {
    port: { type: 'string' },
    seed: { type: 'string' },
    ...FAULT_OPTIONS,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new LocalUsageError(`--port ${String(values.port)}: expected 0-65535`);
  const emulator = await startEmulator({
    port,
    seed: values.seed as string | undefined,
    faults: values.faults as string | undefined,
  }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') throw new PortError(`--port ${port}: the port is in use`);
    if (err.code === 'EACCES') throw new PortError(`--port ${port}: not allowed to listen on it`);
    throw err;
  });
  const { endpoint, accessKeyId, accessKeySecret, directoryId } = emulator;
  io.stdout(`${JSON.stringify({ endpoint, accessKeyId, accessKeySecret, directoryId })}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await emulator.close();
  return 0;
}

/** The local-mode CLI (`ros-sso local …`); argv starts at `local`. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [, command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serve(rest, io);
      case 'deploy':
      case 'update':
      case 'delete':
        return await runStackCommand(command, rest, io);
      case 'plan':
        return await runLocalPlan(rest, io);
      case 'state':
        return await runState(rest, io);
      case 'demo':
        return await runDemo(rest, io);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(LOCAL_USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw unknownCommand(command, COMMANDS, { kind: 'local command', help: 'ros-sso local --help' });
    }
  } catch (err) {
    if (err instanceof HelpRequested) {
      io.stdout(LOCAL_COMMAND_USAGE[err.command] ?? LOCAL_USAGE);
      return 0;
    }
    if (err instanceof UsageError) {
      io.stderr(`ros-sso: ${err.message}${err.help ? ` (see ${err.help})` : ''}\n`);
      return 2;
    }
    if (err instanceof SeedError || err instanceof FaultSpecError) {
      io.stderr(`ros-sso: ${err.message}\n`);
      return 2;
    }
    if (err instanceof PortError) {
      io.stderr(`ros-sso: local serve: ${err.message}\n`);
      return 1;
    }
    // The state directory cannot be used as it is: say which file and what to do, never a stack trace.
    if (err instanceof StateFileError || err instanceof StateLockError) {
      io.stderr(`ros-sso: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
