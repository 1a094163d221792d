/** `ros-sso local <command> --help`: each command's own options (local/commands.ts parses them). */
const STATE_DIR =
  '      --state-dir <dir>         state directory (default .ros-sso-local, or ROS_SSO_LOCAL_DIR)';
const SEED =
  '      --seed <file>             emulator seed (JSON); not used once the state directory has state';
const FAULTS = '      --faults <spec>           inject API faults, e.g. throttle=0.2,5xx=0.1,latency=30';
const HELP = '  -h, --help                    show this help';

const usage = (synopsis: string, what: string, options: string[]) =>
  `Usage: ros-sso local ${synopsis}\n\n${what}\n\nOptions:\n${[...options, HELP].join('\n')}\n`;

export const LOCAL_COMMAND_USAGE: Record<string, string> = {
  serve: usage(
    'serve [options]',
    'Runs the CloudSSO/RAM emulator in memory until SIGINT/SIGTERM; prints one JSON line (endpoint, keys) once listening.\nExit code 0 on a signal, 1 when the port cannot be used, 2 on a usage error.',
    ['      --port <n>                port on 127.0.0.1, 0-65535 (default 0: any free port)', SEED, FAULTS],
  ),
  deploy: usage(
    'deploy TEMPLATE --stack NAME [options]',
    'Creates a local stack from TEMPLATE on the persisted emulator.',
    [
      '      --stack <name>            stack name (required)',
      '  -p, --parameter <key=value>   a parameter value (repeatable)',
      STATE_DIR,
      SEED,
      FAULTS,
    ],
  ),
  update: usage(
    'update TEMPLATE --stack NAME [options]',
    'Updates a local stack to TEMPLATE; parameters not given keep their values.',
    [
      '      --stack <name>            stack name (required)',
      '  -p, --parameter <key=value>   a parameter value (repeatable)',
      '      --replacement             allow replacing resources whose properties cannot be updated',
      STATE_DIR,
      SEED,
      FAULTS,
    ],
  ),
  plan: usage(
    'plan TEMPLATE --stack NAME [options] | plan --delete STACK [options]',
    'Shows what local deploy/update (TEMPLATE) or delete would do: resource actions and, per target account, the RAM users created, renamed, taken over, deleted or kept. Reads only.\nExit code 0, 1 when --fail-on matches, 2 on a usage error.',
    [
      '      --stack <name>            the stack to deploy or update',
      '      --delete <name>           plan deleting this stack instead',
      "  -p, --parameter <key=value>   a parameter value (repeatable; others keep the stack's)",
      '      --replacement             as local update --replacement',
      '  -f, --format <fmt>            text, json or markdown (default: text)',
      '      --fail-on <effects>       exit 1 when the plan has delete and/or take-over (comma-separated)',
      STATE_DIR,
      SEED,
    ],
  ),
  delete: usage('delete STACK [options]', 'Deletes a local stack.', [STATE_DIR, SEED, FAULTS]),
  state: usage(
    'state [options]',
    'Shows the state directory: directories, provisionings, RAM users, stacks.',
    [
      '      --stack <name>            only this stack',
      '  -f, --format <text|json>      output format (default: text)',
      STATE_DIR,
      SEED,
    ],
  ),
  demo: usage('demo [options]', 'The whole lifecycle on a fresh emulator (npm start).', [
    '      --keep                    keep the temporary state directory',
    STATE_DIR,
    SEED,
  ]),
};
