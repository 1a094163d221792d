/**
 * Lint throughput and CLI cold-start benchmark (`npm run bench`). Prints numbers beside the targets;
 * it asserts nothing, so a slow CI machine never fails a build on timing.
 *
 * (a) 1,000 generated templates (1–60 resources each, ~10 MB, YAML and some JSON) linted in one
 *     process with the real engine (`lintFiles`), median of 3 rounds;
 * (b) the same files read and loaded with js-yaml `load` (with the ROS short-form tags, which plain
 *     CORE_SCHEMA would reject), median of 3 rounds;
 * (c) `node bin/ros-sso.js lint <one file>` cold, beside `node -e 0`: median wall time and peak RSS;
 * (d) the real corpus (../shared/corpus/ros-templates or BENCH_CORPUS, when present): lint CPU as a
 *     multiple of a parse-only floor over the same files (see corpus-ratio.ts);
 * (e) hostile inputs (hostile-cases.ts), each one cold CLI run beside the 2 s target.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type { Finding } from '../../lint/finding';
import { lintFiles } from '../../lint/run';
import { ROS_YAML_SCHEMA } from '../../template/ros-yaml-schema';
import { CORPUS_TARGET, defaultCorpusDir, measureCorpusRatio } from './corpus-ratio';
import { runCli, writeHostileCases } from './hostile-cases';

// run-ts.js bundles this file into a temp dir, so __dirname is not the repository: use the cwd.
const ROOT = process.cwd();
const TEMPLATES = Number(process.env.BENCH_TEMPLATES ?? 1_000);
const ROUNDS = 3;
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 15);
const CORPUS_ROUNDS = Number(process.env.BENCH_CORPUS_ROUNDS ?? 5);

// ------------------------------------------------------------------------------------------------
// Deterministic generator (mulberry32), so every run lints the same corpus.

let seed = 0x5eed1234;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** A template value: literals plus `{Fn::…}` mappings; the emitter decides long or short form. */
type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

const ref = (name: string): Value => ({ Ref: name });
const getAtt = (res: string, attr: string): Value => ({ 'Fn::GetAtt': [res, attr] });
const sub = (text: string): Value => ({ 'Fn::Sub': text });

interface Ctx {
  params: string[];
  conditions: string[];
  resources: Array<{ id: string; type: string }>;
}

/** Resource factories: schema-covered types (validated property by property) and common ones. */
const FACTORIES: Array<(id: string, ctx: Ctx) => { Type: string; Properties: Value }> = [
  (id, ctx) => ({
    Type: 'Custom::CloudSSOUserProvision',
    Properties: {
      ServiceToken: ref('ServiceToken'),
      Timeout: pick([60, 300, 900]),
      Parameters: {
        DirectoryId: ref('DirectoryId'),
        PrincipalType: 'User',
        PrincipalId: `u-${id.toLowerCase()}00${int(0, 9999)}`,
        TargetType: 'RD-Account',
        TargetId: ref('TargetAccountId'),
        DuplicationStrategy: ctx.conditions.length
          ? { 'Fn::If': [pick(ctx.conditions), 'TakeOver', 'KeepBoth'] }
          : 'KeepBoth',
        DeletionStrategy: ref('Deletion'),
        Description: sub(`provisioned by \${ALIYUN::StackName} for ${id}`),
      },
    },
  }),
  () => ({
    Type: 'ALIYUN::CloudSSO::UserProvision',
    Properties: {
      DirectoryId: ref('DirectoryId'),
      PrincipalType: 'Group',
      PrincipalId: `g-team${int(0, 99999)}`,
      TargetType: 'RD-Account',
      TargetId: ref('TargetAccountId'),
      DuplicationStrategy: pick(['KeepBoth', 'TakeOver']),
      DeletionStrategy: ref('Deletion'),
    },
  }),
  (id) => ({
    Type: 'ALIYUN::RAM::OIDCProvider',
    Properties: {
      OIDCProviderName: `idp-${id.toLowerCase()}`,
      IssuerUrl: `https://issuer${int(1, 99)}.example.com`,
      Fingerprints: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
      ClientIds: ['sts.aliyuncs.com'],
      IssuanceLimitTime: int(1, 168),
    },
  }),
  (id) => ({
    Type: 'Custom::RAMOIDCClientId',
    Properties: {
      ServiceToken: ref('ServiceToken'),
      Timeout: 60,
      Parameters: { OIDCProviderName: `idp-${id.toLowerCase()}`, ClientId: `api://${id.toLowerCase()}` },
    },
  }),
  (id) => ({
    Type: pick(['ALIYUN::ROS::CustomResource', 'Custom::Tagger', 'Custom::Notify']),
    Properties: {
      ServiceToken: ref('ServiceToken'),
      Timeout: int(1, 3600),
      Parameters: { Target: id, Items: [int(0, 9), int(0, 9), int(0, 9)] },
    },
  }),
  (id) => ({
    Type: 'ALIYUN::ECS::VPC',
    Properties: { VpcName: sub(`\${ALIYUN::StackName}-${id}`), CidrBlock: '192.168.0.0/16' },
  }),
  (_id, ctx) => {
    const vpc = ctx.resources.find((r) => r.type === 'ALIYUN::ECS::VPC');
    return {
      Type: 'ALIYUN::ECS::VSwitch',
      Properties: {
        VpcId: vpc ? ref(vpc.id) : ref('VpcId'),
        ZoneId: { 'Fn::Select': ['0', { 'Fn::GetAZs': ref('ALIYUN::Region') }] },
        CidrBlock: `192.168.${int(0, 255)}.0/24`,
      },
    };
  },
  () => ({
    Type: 'ALIYUN::ECS::SecurityGroup',
    Properties: {
      VpcId: ref('VpcId'),
      SecurityGroupIngress: [
        { IpProtocol: 'tcp', PortRange: '443/443', SourceCidrIp: '0.0.0.0/0' },
        { IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '10.0.0.0/8' },
      ],
    },
  }),
  (id) => ({
    Type: 'ALIYUN::ECS::Instance',
    Properties: {
      ImageId: 'aliyun_3_x64_20G_alibase_20240528.vhd',
      InstanceType: ref('InstanceType'),
      VpcId: ref('VpcId'),
      VSwitchId: ref('VSwitchId'),
      InstanceName: { 'Fn::Join': ['-', [ref('ALIYUN::StackName'), id]] },
      UserData: { 'Fn::Base64Encode': sub(`#!/bin/sh\necho \${ALIYUN::Region} > /etc/region\n`) },
      Tags: [{ Key: 'owner', Value: 'bench' }],
    },
  }),
  (id) => ({
    Type: 'ALIYUN::RAM::Role',
    Properties: {
      RoleName: `role-${id.toLowerCase()}`,
      AssumeRolePolicyDocument: {
        Version: '1',
        Statement: [
          { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['fc.aliyuncs.com'] } },
        ],
      },
    },
  }),
  (id) => ({
    Type: 'ALIYUN::FC3::Function',
    Properties: {
      FunctionName: `fn-${id.toLowerCase()}`,
      Handler: 'index.handler',
      Runtime: 'nodejs20',
      MemorySize: pick([128, 256, 512]),
      Code: { ZipFile: 'exports.handler = async () => "ok";' },
    },
  }),
  (id) => ({
    Type: 'ALIYUN::OSS::Bucket',
    Properties: {
      BucketName: sub(`\${ALIYUN::StackName}-${id.toLowerCase()}`),
      AccessControl: 'private',
      LifecycleConfiguration: { Rules: [{ Prefix: 'logs/', Status: 'Enabled', Expiration: { Days: 30 } }] },
    },
  }),
  (id) => ({
    Type: 'ALIYUN::SLB::LoadBalancer',
    Properties: { LoadBalancerName: id, AddressType: 'internet', LoadBalancerSpec: 'slb.s2.small' },
  }),
  () => ({
    Type: 'ALIYUN::RDS::DBInstance',
    Properties: {
      Engine: 'MySQL',
      EngineVersion: '8.0',
      DBInstanceClass: { 'Fn::FindInMap': ['Sizes', 'small', 'Class'] },
      DBInstanceStorage: 20,
      SecurityIPList: '10.0.0.0/8',
    },
  }),
];

function generateTemplate(n: number): Value {
  const resourceCount = int(1, 60);
  const ctx: Ctx = { params: [], conditions: [], resources: [] };
  const parameters: Record<string, Value> = {
    ServiceToken: { Type: 'String', Default: 'acs:fc:cn-hangzhou:1234567890123456:functions/ros-sso' },
    DirectoryId: { Type: 'String', AllowedPattern: '^d-[a-z0-9]+$', Default: 'd-00abc' },
    TargetAccountId: { Type: 'String', Default: '1234567890123456' },
    Deletion: { Type: 'String', AllowedValues: ['Delete', 'Keep'], Default: 'Keep' },
    VpcId: { Type: 'String', AssociationProperty: 'ALIYUN::ECS::VPC::VPCId' },
    VSwitchId: { Type: 'String', AssociationProperty: 'ALIYUN::ECS::VSwitch::VSwitchId' },
    InstanceType: { Type: 'String', Default: 'ecs.g7.large', Description: { en: 'Type', 'zh-cn': '规格' } },
    Env: { Type: 'String', AllowedValues: ['dev', 'prod'], Default: 'dev' },
  };
  ctx.params.push(...Object.keys(parameters));
  const conditions: Record<string, Value> = {};
  for (let i = 0; i < int(0, 3); i++) {
    const name = `Cond${i}`;
    conditions[name] = { 'Fn::Equals': [ref('Env'), pick(['dev', 'prod'])] };
    ctx.conditions.push(name);
  }
  const resources: Record<string, Value> = {};
  for (let i = 0; i < resourceCount; i++) {
    const id = `Res${n}x${i}`;
    const made = pick(FACTORIES)(id, ctx);
    const node: Record<string, Value> = { Type: made.Type, Properties: made.Properties };
    const earlier = ctx.resources.length ? pick(ctx.resources) : undefined;
    if (earlier && random() < 0.2) node.DependsOn = earlier.id;
    if (ctx.conditions.length && random() < 0.15) node.Condition = pick(ctx.conditions);
    resources[id] = node;
    ctx.resources.push({ id, type: made.Type });
  }
  const outputs: Record<string, Value> = {};
  for (const r of ctx.resources.slice(0, 5)) {
    outputs[`${r.id}Out`] = {
      Value: r.type.startsWith('Custom::') ? getAtt(r.id, 'Outputs') : ref(r.id),
      Description: `output of ${r.id}`,
    };
  }
  return {
    ROSTemplateFormatVersion: '2015-09-01',
    Description: { en: `Bench template ${n}`, 'zh-cn': `基准测试模板 ${n}` },
    Parameters: parameters,
    Mappings: { Sizes: { small: { Class: 'mysql.n2.small.1' }, large: { Class: 'mysql.n4.large.1' } } },
    ...(ctx.conditions.length ? { Conditions: conditions } : {}),
    Resources: resources,
    Outputs: outputs,
  };
}

// ------------------------------------------------------------------------------------------------
// A small block-YAML emitter: intrinsics in short form (`!Ref X`, `!GetAtt A.B`, `!Sub '…'`) half the
// time, like hand-written templates; everything else as plain block YAML.

const plainSafe = /^[A-Za-z_][A-Za-z0-9_ ./:-]*$/;
const scalarText = (v: string | number | boolean | null): string =>
  typeof v === 'string'
    ? plainSafe.test(v) &&
      !/^(true|false|null|yes|no|on|off|~)$/i.test(v) &&
      !v.endsWith(':') &&
      !v.includes(': ')
      ? v
      : JSON.stringify(v)
    : String(v);
const flow = (v: Value): string => JSON.stringify(v);

function shortForm(v: Value): string | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1 || random() < 0.5) return undefined;
  const [fn] = keys;
  const args = v[fn];
  if (fn === 'Ref' && typeof args === 'string') return `!Ref ${args}`;
  if (fn === 'Fn::GetAtt' && Array.isArray(args) && args.every((a) => typeof a === 'string'))
    return `!GetAtt ${args.join('.')}`;
  if (fn === 'Fn::Sub' && typeof args === 'string' && !args.includes('\n'))
    return `!Sub ${JSON.stringify(args)}`;
  if (fn.startsWith('Fn::') && Array.isArray(args) && !JSON.stringify(args).includes('Fn::'))
    return `!${fn.slice(4)} ${flow(args)}`;
  return undefined;
}

/** A node as YAML: either inline text after `key:` / `-`, or block lines indented by `indent`. */
function emit(v: Value, indent: string): { inline: string } | { lines: string[] } {
  const short = shortForm(v);
  if (short !== undefined) return { inline: short };
  if (v === null || typeof v !== 'object') return { inline: scalarText(v) };
  const lines: string[] = [];
  if (Array.isArray(v)) {
    if (v.length === 0) return { inline: '[]' };
    for (const item of v) {
      const body = emit(item, `${indent}  `);
      if ('inline' in body) lines.push(`${indent}- ${body.inline}`);
      else lines.push(`${indent}- ${body.lines[0].trimStart()}`, ...body.lines.slice(1));
    }
    return { lines };
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return { inline: '{}' };
  for (const key of keys) {
    const body = emit(v[key], `${indent}  `);
    if ('inline' in body) lines.push(`${indent}${scalarText(key)}: ${body.inline}`);
    else lines.push(`${indent}${scalarText(key)}:`, ...body.lines);
  }
  return { lines };
}

function toYaml(v: Value): string {
  const body = emit(v, '');
  return `${'inline' in body ? body.inline : body.lines.join('\n')}\n`;
}

// ------------------------------------------------------------------------------------------------

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function timeRounds(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(ms(start));
  }
  return median(times);
}

// BENCH_TIME=/nonexistent exercises the fallback used where GNU time is not installed.
const TIME = process.env.BENCH_TIME ?? '/usr/bin/time';

/** Peak RSS (KB) of a command: GNU time's %M when installed, else the child's own maxRSS at exit. */
function peakRssKb(args: string[]): number | undefined {
  if (existsSync(TIME)) {
    const run = spawnSync(TIME, ['-f', '%M', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8' });
    const last = run.stderr.trim().split('\n').pop() ?? '';
    const kb = Number(last);
    if (Number.isFinite(kb) && kb > 0) return kb;
  }
  // Fallback: a preload that reports the process's own peak RSS (KB) as it exits.
  const preload = join(tmpdir(), `ros-sso-bench-rss-${process.pid}.js`);
  writeFileSync(
    preload,
    "process.on('exit', () => process.stderr.write('\\nMAXRSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n",
  );
  try {
    const run = spawnSync(process.execPath, ['-r', preload, ...args], { cwd: ROOT, encoding: 'utf8' });
    const match = /MAXRSS_KB=(\d+)/.exec(run.stderr);
    return match ? Number(match[1]) : undefined;
  } finally {
    rmSync(preload, { force: true });
  }
}

function coldRun(args: string[]): { wallMs: number; rssKb: number | undefined; status: number | null } {
  const times: number[] = [];
  let status: number | null = null;
  for (let i = 0; i < COLD_RUNS; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    times.push(ms(start));
    status = run.status;
  }
  const rss = [peakRssKb(args), peakRssKb(args), peakRssKb(args)].filter((x): x is number => x !== undefined);
  return { wallMs: median(times), rssKb: rss.length ? median(rss) : undefined, status };
}

/** (e) Each hostile case as one cold CLI run (so start-up is included), beside the 2 s target. */
function printHostile(parent: string): void {
  const dir = join(parent, 'hostile');
  mkdirSync(dir, { recursive: true });
  const cli = join(ROOT, 'bin', 'ros-sso.js');
  const rows = writeHostileCases(dir).map((c) => {
    const run = runCli(cli, c.args, dir, { timeoutMs: 120_000, maxOldSpaceMb: 1024 });
    const ended = run.signal ? `killed (${run.signal})` : `exit ${run.status}`;
    const ok = !run.signal && run.status === c.exit && run.ms <= 2000;
    return [c.name, `${run.ms.toFixed(0)} ms`, '<= 2000 ms', `${ok ? 'ok' : 'MISSED'} (${ended})`];
  });
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  process.stdout.write(`\nhostile inputs (one cold CLI run each, --max-old-space-size=1024)\n\n`);
  for (const r of rows)
    process.stdout.write(`${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])}  ${r[2].padEnd(w[2])}  ${r[3]}\n`);
}

function main(): void {
  if (!existsSync(join(ROOT, 'bin', 'ros-sso.js')) || !existsSync(join(ROOT, 'dist', 'lint.js'))) {
    process.stderr.write('lint-bench: run from the repository root after `node scripts/build.js`\n');
    process.exitCode = 2;
    return;
  }
  // (d) first, so that the heap the generated rounds leave behind does not tax it: the real corpus
  // against its parse-only floor, same process, warm.
  const corpusDir = defaultCorpusDir(ROOT);
  const corpus = measureCorpusRatio(corpusDir, CORPUS_ROUNDS);
  // BENCH_DIR keeps the generated templates (for profiling); otherwise a temp dir, removed at the end.
  const keep = process.env.BENCH_DIR;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'ros-sso-bench-'));
  if (keep) mkdirSync(keep, { recursive: true });
  try {
    // Generate.
    const files: string[] = [];
    let bytes = 0;
    for (let n = 0; n < TEMPLATES; n++) {
      const doc = generateTemplate(n);
      const json = n % 10 === 0;
      const name = `t${String(n).padStart(4, '0')}.${json ? 'json' : 'yaml'}`;
      const text = json ? JSON.stringify(doc, null, 2) : toYaml(doc);
      writeFileSync(join(dir, name), text);
      files.push(name);
      bytes += Buffer.byteLength(text);
    }
    const mb = bytes / (1024 * 1024);

    // (a) the real engine, every rule, in one process.
    let findings: Finding[] = [];
    const lintMs = timeRounds(() => {
      findings = lintFiles({
        cwd: dir,
        files: files.map((path) => ({ path, explicit: true })),
        config: { rules: {}, ignorePaths: [] },
        ignoreRules: [],
      }).findings;
    });
    // (b) read + js-yaml load of the same files.
    const loadMs = timeRounds(() => {
      for (const f of files) load(readFileSync(join(dir, f), 'utf8'), { schema: ROS_YAML_SCHEMA });
    });

    // (c) cold CLI on one typical file (the median-size one) beside an empty node process.
    const bySize = [...files].sort((a, b) => statSync(join(dir, a)).size - statSync(join(dir, b)).size);
    const one = join(dir, bySize[Math.floor(bySize.length / 2)]);
    const cli = coldRun([join(ROOT, 'bin', 'ros-sso.js'), 'lint', one]);
    const bare = coldRun(['-e', '0']);

    const count = (s: string) => findings.filter((f) => f.severity === s).length;
    const perSecond = (files.length / lintMs) * 1000;
    const ratio = lintMs / loadMs;
    const rss = (kb: number | undefined) => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(1)} MB`);
    const verdict = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'ok' : 'MISSED');

    const rows: Array<[string, string, string, string]> = [
      ['templates linted', `${files.length} (${(bytes / files.length / 1024).toFixed(1)} KB avg)`, '', ''],
      ['total size', `${mb.toFixed(2)} MB`, '~10 MB', ''],
      ['lint, all files (median of 3)', `${lintMs.toFixed(0)} ms`, '', ''],
      ['js-yaml load (median of 3)', `${loadMs.toFixed(0)} ms`, '', ''],
      ['templates/s', perSecond.toFixed(0), '>= 500', verdict(perSecond >= 500)],
      ['lint / load', `${ratio.toFixed(2)}x`, '<= 3x', verdict(ratio <= 3)],
      [
        `cold CLI, one file (median of ${COLD_RUNS})`,
        `${cli.wallMs.toFixed(0)} ms`,
        '<= 250 ms',
        verdict(cli.wallMs <= 250),
      ],
      [
        'cold CLI peak RSS',
        rss(cli.rssKb),
        '<= 80 MB',
        verdict(cli.rssKb === undefined ? undefined : cli.rssKb <= 80 * 1024),
      ],
      [`node -e 0 (median of ${COLD_RUNS})`, `${bare.wallMs.toFixed(0)} ms`, '', ''],
      ['node -e 0 peak RSS', rss(bare.rssKb), '', ''],
      ...(corpus
        ? ([
            [
              `corpus lint CPU, ${corpus.files} files (median of ${corpus.rounds})`,
              `${corpus.lintCpuMs.toFixed(0)} ms`,
              '',
              '',
            ],
            [
              `corpus parse-only floor CPU (median of ${corpus.rounds})`,
              `${corpus.floorCpuMs.toFixed(0)} ms`,
              '',
              '',
            ],
            [
              'corpus lint / parse floor',
              `${corpus.ratio.toFixed(2)}x`,
              `<= ${CORPUS_TARGET}x`,
              verdict(corpus.ratio <= CORPUS_TARGET),
            ],
          ] as Array<[string, string, string, string]>)
        : ([
            ['corpus lint / parse floor', 'skipped', `<= ${CORPUS_TARGET}x`, `no corpus at ${corpusDir}`],
          ] as Array<[string, string, string, string]>)),
    ];
    const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
    const line = (r: readonly string[]) =>
      `${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])}  ${r[2].padEnd(w[2])}  ${r[3]}`;
    process.stdout.write(`\nros-sso lint benchmark (node ${process.version}, ${files.length} templates)\n\n`);
    process.stdout.write(`${line(['measure', 'value', 'target', ''])}\n`);
    for (const r of rows) process.stdout.write(`${line(r)}\n`);
    process.stdout.write(
      `\nfindings: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} infos; cold CLI exit ${cli.status}; peak RSS via ${existsSync(TIME) ? TIME : 'process.resourceUsage()'}\n`,
    );
    printHostile(dir);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

main();
