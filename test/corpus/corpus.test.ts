import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_NAMES } from '../../template/intrinsics';

const ROOT = join(__dirname, '..', '..');
const CORPUS = 'test/corpus/templates';
const corpusDir = join(ROOT, CORPUS);

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  path: string;
}

interface JsonReport {
  results: JsonFinding[];
  summary: { files: number; errors: number; warnings: number };
}

const templateFiles = readdirSync(corpusDir)
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort();

/** Every corpus file's text, comments stripped so a function named only in a comment does not count. */
const corpusTexts = templateFiles.map((f) => ({
  file: f,
  text: readFileSync(join(corpusDir, f), 'utf8').replace(/(^|\s)#.*$/gm, '$1'),
}));

/**
 * The functions these stand-alone templates can use: Fn::ResourceFacade reads the keys of the module
 * resource that embeds a module's template, so only a module's own template has one to read.
 */
const USED_FUNCTIONS = FUNCTION_NAMES.filter((fn) => fn !== 'Fn::ResourceFacade');

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `Fn::Join:` / `"Fn::Join":` / `Ref:` as a mapping key; the lookahead keeps `Fn::Select` from matching `Fn::SelectMapList`. */
function longForm(fn: string): RegExp {
  return new RegExp(`(^|[\\s{,\\[])["']?${escapeRe(fn)}["']?\\s*:(?!:)`, 'm');
}

/** `!Join` as a YAML tag, not followed by more name characters (`!Select` vs `!SelectMapList`). */
function shortForm(fn: string): RegExp {
  const tag = fn === 'Ref' ? 'Ref' : fn.slice('Fn::'.length);
  return new RegExp(`(^|[\\s\\[{,:-])!${escapeRe(tag)}(?![A-Za-z0-9:])`, 'm');
}

describe('real-world corpus', () => {
  let report: JsonReport;
  let stderr: string;
  let status: number | null;

  beforeAll(() => {
    // The CLI test needs the bundle; `npm test` builds it first (pretest), a bare vitest run may not have.
    if (!existsSync(join(ROOT, 'dist', 'lint.js'))) {
      const build = spawnSync(process.execPath, ['scripts/build.js'], { cwd: ROOT, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
    }
    const run = spawnSync(process.execPath, ['bin/ros-sso.js', 'lint', CORPUS, '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    status = run.status;
    stderr = run.stderr;
    report = JSON.parse(run.stdout) as JsonReport;
  });

  it('holds 15-20 templates, some of them JSON', () => {
    expect(templateFiles.length).toBeGreaterThanOrEqual(15);
    expect(templateFiles.length).toBeLessThanOrEqual(20);
    expect(templateFiles.filter((f) => f.endsWith('.json')).length).toBeGreaterThanOrEqual(2);
  });

  it('lints every template with zero errors; each warning is one the bundled data may cause', () => {
    const errors = report.results
      .filter((f) => f.severity === 'error')
      .map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`);
    expect(errors).toEqual([]);
    const warnings = report.results.filter((f) => f.severity === 'warning');
    // Each names the package@version of its type's data.
    for (const w of warnings)
      expect(w.message).toMatch(/per the bundled @alicloud\/ros-cdk-[a-z0-9]+@\d+\.\d+\.\d+ /);
    // Pinned: drift between these hand-written templates and the bundled CDK data.
    expect(warnings.map((w) => [w.file.replace(`${CORPUS}/`, ''), w.ruleId, w.path])).toEqual([
      [
        'fc-provider-user-provision.yaml',
        'property-type',
        '/Resources/ProviderRole/Properties/Policies/0/PolicyDocument/Statement/0/Resource',
      ],
      ['nat-gateway-egress.yaml', 'ref-getatt', '/Resources/Snat/Properties/SnatTableId/Fn::GetAtt/1'],
      ['oss-log-buckets.json', 'property-required', '/Resources/LogBucket/Properties/LifecycleConfiguration'],
    ]);
    expect(report.summary).toEqual({ files: templateFiles.length, errors: 0, warnings: warnings.length });
    expect(status).toBe(0);
    expect(stderr).toBe('');
  });

  it('reports infos only for types without a definition (once per type and file) and properties not in bundled data', () => {
    const infos = report.results.filter((r) => r.severity === 'info');
    // Pinned: properties these hand-written templates set that the bundled CDK data does not list.
    expect(
      infos
        .filter((f) => f.ruleId === 'property-unknown')
        .map((f) => [f.file.replace(`${CORPUS}/`, ''), f.path]),
    ).toEqual([
      ['nat-gateway-egress.yaml', '/Resources/Snat/Properties/SourceVSwitchId'],
      ['oss-log-buckets.json', '/Resources/LogBucket/Properties/LifecycleConfiguration/Rules'],
    ]);
    const typeInfos = infos.filter((f) => f.ruleId !== 'property-unknown');
    for (const f of typeInfos) {
      expect(f.ruleId).toBe('resource-no-schema');
      expect(f.path).toMatch(/^\/Resources\/[^/]+\/Type$/);
    }
    const keys = typeInfos.map((f) => `${f.file}\0${f.message}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('uses every intrinsic function at least once (long or short form)', () => {
    const missing = USED_FUNCTIONS.filter(
      (fn) => !corpusTexts.some(({ text }) => longForm(fn).test(text) || shortForm(fn).test(text)),
    );
    expect(missing).toEqual([]);
  });

  it('uses every intrinsic function in its long form and in its YAML short form', () => {
    const yaml = corpusTexts.filter(({ file }) => !file.endsWith('.json'));
    const noLong = USED_FUNCTIONS.filter((fn) => !corpusTexts.some(({ text }) => longForm(fn).test(text)));
    const noShort = USED_FUNCTIONS.filter((fn) => !yaml.some(({ text }) => shortForm(fn).test(text)));
    expect({ noLong, noShort }).toEqual({ noLong: [], noShort: [] });
  });

  it('covers the template features the linter must accept', () => {
    const all = corpusTexts.map(({ text }) => text).join('\n');
    const features: Record<string, RegExp> = {
      unquotedVersion: /^ROSTemplateFormatVersion: 2015-09-01$/m,
      i18nDescription: /zh-cn:\s*\S*[\u4e00-\u9fff]/,
      count: /^\s+"?Count"?:/m,
      aliyunIndex: /ALIYUN::Index/,
      locals: /^Locals:/m,
      localsEval: /Type: Eval/,
      localsDatasource: /Type: DATASOURCE::/,
      rules: /Assertions:/,
      parameterGroups: /ParameterGroups/,
      associationProperty: /AssociationPropertyMetadata/,
      noEcho: /NoEcho/,
      label: /Label:/,
      transform: /^Transform: Aliyun::Serverless-2018-04-03$/m,
      nestedStackOutputs: /!GetAtt \w+\.Outputs\.\w+|Outputs\.\w+\]/,
      module: /Type: MODULE::/,
      ownTypes: /ALIYUN::CloudSSO::UserProvision/,
      customProvision: /Custom::CloudSSOUserProvision/,
      customClientId: /Custom::RAMOIDCClientId/,
      oidcProvider: /ALIYUN::RAM::OIDCProvider/,
    };
    const absent = Object.entries(features)
      .filter(([, re]) => !re.test(all))
      .map(([name]) => name);
    expect(absent).toEqual([]);
  });
});
