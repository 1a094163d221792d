import { parseCommandLine, UsageError } from '../cli/args';

/** A command-line mistake: one line with a hint, exit code 2 (the parser all commands share). */
export { UsageError };

export interface DeployArgs {
  region: string;
  functionName: string;
  role?: string;
  zip: string;
  endpoint?: string;
  accountId?: string;
  memorySize?: number;
  cpu?: number;
  timeout?: number;
  log?: { project: string; logstore: string };
  json: boolean;
}

export const DEFAULT_ZIP = 'dist/fc/code.zip';

export const DEPLOY_USAGE = `Usage: ros-sso deploy --region R --function NAME [options]

Creates or updates the FC 3.0 function (nodejs20, index.handler) that runs the ros-sso custom-resource
handlers, then prints its ARN (the ServiceToken) on stdout. Running it again updates the function.
Exit code 0: deployed, 1: the deployment failed, 2: usage error.

Options:
      --region <id>           FC region, e.g. cn-hangzhou (required)
      --function <name>       function name (required)
      --role <arn>            RAM role the function runs as (acs:ram::<account>:role/<name>)
      --zip <path>            code package (default: ${DEFAULT_ZIP}, built by npm run package)
      --memory <MB>           memory, a multiple of 64 from 128 (on create: 512)
      --cpu <vCPU>            vCPUs, a multiple of 0.05 (default: chosen by FC)
      --timeout <s>           timeout in seconds, 1-86400 (on create: 900)
      --log-project <name>    SLS project for the function's logs (with --log-store)
      --log-store <name>      SLS Logstore for the function's logs (with --log-project)
      --account-id <id>       account ID for the endpoint (default: ALIBABA_CLOUD_ACCOUNT_ID)
      --endpoint <url|host>   FC endpoint override; http://… only for a loopback host
      --json                  print one JSON object on stdout instead of the ARN
  -h, --help                  show this help

Credentials: ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, optional ALIBABA_CLOUD_SECURITY_TOKEN.
`;

/** The memory a create uses without --memory (cli.ts's create defaults). */
export const CREATE_MEMORY_MB = 512;

function fail(message: string): never {
  throw new UsageError(message);
}

// FC 3.0 limits, as the CreateFunctionInput model documents them.
const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const REGION = /^[a-z]{2,}(-[a-z0-9]+)+$/;
const ROLE = /^acs:ram::\d+:role\/[^\s]+$/;
const ACCOUNT_ID = /^\d{1,32}$/;
const SLS_NAME = /^[a-z0-9][a-z0-9_-]{1,62}$/i;

function integerOption(name: string, raw: string | undefined, min: number, max: number, step = 1) {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max || value % step !== 0) {
    const multiple = step === 1 ? 'an integer' : `a multiple of ${step}`;
    fail(`${name} must be ${multiple} from ${min} to ${max}, got ${raw}`);
  }
  return value;
}

function cpuOption(raw: string | undefined, memorySize: number | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  // Compare in hundredths: 0.15 / 0.05 is not an integer in floating point.
  const hundredths = Math.round(value * 100);
  if (
    !/^\d+(\.\d+)?$/.test(raw) ||
    value < 0.05 ||
    value > 16 ||
    Math.abs(hundredths - value * 100) > 1e-6 ||
    hundredths % 5 !== 0
  )
    fail(`--cpu must be a multiple of 0.05 from 0.05 to 16, got ${raw}`);
  // FC: memory in GB must be 1 to 4 times the vCPUs. Without --memory, a create uses its default
  // and an update keeps the function's memory, which only FC knows: checked there.
  const memory = memorySize ?? CREATE_MEMORY_MB;
  if (memory / 1024 < value || memory / 1024 > value * 4)
    fail(
      `--memory ${memory} MB${memorySize === undefined ? ' (the default)' : ''} does not fit --cpu ${raw}: memory must be 1 to 4 GB per vCPU`,
    );
  return value;
}

/** argv (after `deploy`) → options; unknown options and bad values are UsageErrors. */
export function parseDeployArgs(argv: readonly string[]): DeployArgs | 'help' {
  const { values } = parseCommandLine(
    argv,
    {
      region: { type: 'string' },
      function: { type: 'string' },
      role: { type: 'string' },
      zip: { type: 'string' },
      endpoint: { type: 'string' },
      'account-id': { type: 'string' },
      memory: { type: 'string' },
      cpu: { type: 'string' },
      timeout: { type: 'string' },
      'log-project': { type: 'string' },
      'log-store': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    { positionals: false, command: 'deploy' },
  );
  if (values.help) return 'help';
  const str = (name: string) => {
    const value = (values as Record<string, string | boolean | undefined>)[name];
    return typeof value === 'string' ? value.trim() : undefined;
  };

  const region = str('region');
  if (region === undefined || region === '') fail('--region is required, e.g. --region cn-hangzhou');
  if (!REGION.test(region)) fail(`--region ${region} is not a region ID such as cn-hangzhou`);
  const functionName = str('function');
  if (functionName === undefined || functionName === '') fail('--function is required: the function name');
  if (!FUNCTION_NAME.test(functionName))
    fail(`--function ${functionName}: 1-64 letters, digits, _ or -, not starting with a digit or -`);
  const role = str('role');
  if (role !== undefined && !ROLE.test(role))
    fail(`--role ${role} is not a RAM role ARN such as acs:ram::<account-id>:role/<name>`);
  const accountId = str('account-id');
  if (accountId !== undefined && !ACCOUNT_ID.test(accountId))
    fail(`--account-id ${accountId} is not an account ID (digits only)`);

  const memorySize = integerOption('--memory', str('memory'), 128, 32768, 64);
  const timeout = integerOption('--timeout', str('timeout'), 1, 86400);
  const cpu = cpuOption(str('cpu'), memorySize);

  const project = str('log-project');
  const logstore = str('log-store');
  if ((project === undefined) !== (logstore === undefined))
    fail('--log-project and --log-store go together: give both or neither');
  for (const [name, value] of [
    ['--log-project', project],
    ['--log-store', logstore],
  ] as const)
    if (value !== undefined && !SLS_NAME.test(value))
      fail(`${name} ${value} is not an SLS project or Logstore name`);

  const zip = str('zip');
  if (zip === '') fail('--zip needs a path');
  const endpoint = str('endpoint');
  if (endpoint === '') fail('--endpoint needs a host or URL');
  return {
    region,
    functionName,
    ...(role === undefined ? {} : { role }),
    zip: zip ?? DEFAULT_ZIP,
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(accountId === undefined ? {} : { accountId }),
    ...(memorySize === undefined ? {} : { memorySize }),
    ...(cpu === undefined ? {} : { cpu }),
    ...(timeout === undefined ? {} : { timeout }),
    ...(project !== undefined && logstore !== undefined ? { log: { project, logstore } } : {}),
    json: values.json === true,
  };
}
