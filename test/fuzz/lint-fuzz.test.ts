import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintText } from '../../lint/engine';
import type { Finding } from '../../lint/finding';
import { allRules } from '../../lint/rules';
import { FUNCTION_NAMES, PSEUDO_PARAMETERS } from '../../template/intrinsics';
import { resourceSchemas } from '../../schemas/registry';

/**
 * Property-based robustness of the lint engine: whatever the input, `lintText` with every rule
 * returns (never throws) findings placed at sane positions, and no rule crashes (`rule-error`).
 * The seed is fixed so CI is deterministic; set FUZZ_SEED to explore, and a failure prints the seed
 * and the shrunk counterexample path (fast-check's report) so it can be replayed.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20240917);
const ROOT = join(__dirname, '..', '..');
const CORPUS_DIR = join(ROOT, 'test', 'corpus', 'templates');
const NOW = new Date('2025-06-01T00:00:00Z');
const SEVERITIES = new Set(['error', 'warning', 'info']);

const corpus = readdirSync(CORPUS_DIR)
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort()
  .map((f) => ({ file: f, text: readFileSync(join(CORPUS_DIR, f), 'utf8') }));

function lint(text: string, file = 'fuzz.yaml'): Finding[] {
  return lintText(file, text, { rules: allRules, now: NOW });
}

/** The invariants every result must satisfy; returns the first violation, for a readable failure. */
function violation(findings: unknown, text: string): string | undefined {
  if (!Array.isArray(findings)) return 'findings is not an array';
  const lines = text.split('\n').length;
  for (const f of findings as Finding[]) {
    const where = JSON.stringify(f);
    if (!Number.isInteger(f.line) || f.line < 1) return `line < 1: ${where}`;
    if (!Number.isInteger(f.column) || f.column < 1) return `column < 1: ${where}`;
    if (!Number.isInteger(f.endLine) || f.endLine < f.line) return `endLine < line: ${where}`;
    if (!Number.isInteger(f.endColumn) || (f.endLine === f.line && f.endColumn < f.column))
      return `endColumn < column: ${where}`;
    if (f.endLine > lines) return `endLine past the end of the text (${lines} lines): ${where}`;
    if (typeof f.path !== 'string') return `path is not a string: ${where}`;
    if (typeof f.message !== 'string' || f.message === '') return `empty message: ${where}`;
    if (typeof f.ruleId !== 'string' || !SEVERITIES.has(f.severity)) return `bad rule/severity: ${where}`;
    if (f.ruleId === 'rule-error') return `a rule crashed: ${f.message}`;
  }
  return undefined;
}

/** Lints and checks; throws (so fast-check shrinks) on a violation. */
function lintIsSane(text: string, file?: string): Finding[] {
  const findings = lint(text, file);
  const problem = violation(findings, text);
  if (problem) throw new Error(problem);
  return findings;
}

function check<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void, numRuns: number): void {
  fc.assert(
    fc.property(arb, (value) => {
      predicate(value);
    }),
    { seed: SEED, numRuns, verbose: 1 },
  );
}

// ---------------------------------------------------------------------------------------------
// Generators

const template = fc.constantFrom(...corpus);

/** Characters that matter to YAML and JSON, so mutations hit structure rather than prose. */
const structural = fc.constantFrom(
  ...':-[]{},#&*!|>\'"%@`?\n\r\t \u0000\ufeff\\',
  '!Ref ',
  '!If ',
  '&a ',
  '*a',
  '<<: ',
  '---\n',
  '...\n',
  'Fn::',
  'Ref',
);
const anyChar = fc.oneof(structural, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));

/** Random text: plain unicode, YAML token soup, and lines that look like a template. */
const arbitraryText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(structural, { maxLength: 120 }).map((parts) => parts.join('')),
  fc
    .array(
      fc.tuple(
        fc.nat({ max: 6 }),
        fc.constantFrom(
          'ROSTemplateFormatVersion',
          'Resources',
          'Parameters',
          'Type',
          'Fn::If',
          'Ref',
          '- x',
        ),
        fc.string({ maxLength: 12 }),
      ),
      { maxLength: 30 },
    )
    .map((lines) => lines.map(([indent, key, value]) => `${' '.repeat(indent)}${key}: ${value}`).join('\n')),
);

const RESOURCE_TYPES = [
  ...resourceSchemas.map((s) => s.rosType),
  'Custom::Anything',
  'ALIYUN::ECS::VPC',
  'ALIYUN::ROS::Stack',
  'DATASOURCE::VPC::Vpcs',
  'MODULE::Acme::Net::MODULE',
  'Aliyun::Serverless::Service',
  'not a type',
];
/** Property names the schemas know, so structured templates reach the schema checks. */
const PROPERTY_NAMES = [
  ...new Set(
    resourceSchemas.flatMap((s) => [
      ...Object.keys(s.properties),
      'DirectoryId',
      'PrincipalId',
      'OIDCProviderName',
      'ClientId',
    ]),
  ),
];
const NAMES = ['A', 'B', 'Res1', 'Param1', 'Cond1', 'Map1', '__proto__', 'constructor', 'x.y', ''];

const name = fc.constantFrom(...NAMES, ...PSEUDO_PARAMETERS);
// Spelled in two parts so no linter mistakes it for a template-literal slip.
const SUB_VARIABLE = ['$', '{A}'].join('');
const scalar = fc.oneof(
  fc.string({ maxLength: 16 }),
  fc.constantFrom(
    'User',
    'Group',
    'u-abc',
    'g-abc',
    'RD-Account',
    'KeepBoth',
    'Keep',
    'https://x.y',
    SUB_VARIABLE,
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

/** Values that mix literals with intrinsic functions, nested Fn::If and Ref included. */
const { value: templateValue } = fc.letrec<{ value: unknown; fn: Record<string, unknown> }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    tie('fn'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...PROPERTY_NAMES, ...NAMES), tie('value'), { maxKeys: 4 }),
  ),
  fn: fc.oneof(
    name.map((n) => ({ Ref: n })),
    fc.tuple(name, tie('value'), tie('value')).map((args) => ({ 'Fn::If': args })),
    fc.tuple(name, fc.string({ maxLength: 8 })).map(([r, a]) => ({ 'Fn::GetAtt': [r, a] })),
    fc.string({ maxLength: 20 }).map((s) => ({ 'Fn::Sub': `${s}\${${s}}` })),
    fc
      .tuple(fc.constantFrom(...FUNCTION_NAMES, 'Fn::Nope', 'Fn::'), tie('value'))
      .map(([fn, args]) => ({ [fn]: args })),
  ),
}));

const resource = fc.record(
  {
    Type: fc.oneof(fc.constantFrom(...RESOURCE_TYPES), scalar),
    Properties: fc.oneof(
      fc.dictionary(fc.constantFrom(...PROPERTY_NAMES), templateValue, { maxKeys: 6 }),
      templateValue,
    ),
    DependsOn: fc.oneof(name, fc.array(name, { maxLength: 3 }), templateValue),
    Condition: fc.oneof(name, templateValue),
    Count: fc.oneof(fc.integer({ min: -2, max: 5 }), templateValue),
    DeletionPolicy: fc.constantFrom('Delete', 'Retain', 'Snapshot'),
    Metadata: templateValue,
  },
  { requiredKeys: ['Type'] },
);

const parameter = fc.record(
  {
    Type: fc.constantFrom('String', 'Number', 'CommaDelimitedList', 'Json', 'Boolean', 'Nope'),
    Default: scalar,
    AllowedValues: fc.oneof(fc.array(scalar, { maxLength: 4 }), scalar),
    AllowedPattern: fc.constantFrom('^[a-z]+$', '(', '[', '\\d{,3}', 'a{2,1}', '(?<x>a)\\k<x>'),
    MinLength: scalar,
    MaxLength: scalar,
    MinValue: scalar,
    MaxValue: scalar,
    Label: fc.oneof(fc.string({ maxLength: 8 }), fc.record({ en: fc.string(), 'zh-cn': fc.string() })),
  },
  { requiredKeys: [] },
);

const structuredTemplate = fc.record(
  {
    ROSTemplateFormatVersion: fc.oneof(fc.constant('2015-09-01'), scalar),
    Description: templateValue,
    Parameters: fc.oneof(fc.dictionary(name, parameter, { maxKeys: 4 }), templateValue),
    Mappings: fc.dictionary(name, fc.dictionary(name, fc.dictionary(name, scalar, { maxKeys: 2 })), {
      maxKeys: 2,
    }),
    Conditions: fc.dictionary(name, templateValue, { maxKeys: 3 }),
    Locals: fc.dictionary(name, templateValue, { maxKeys: 2 }),
    Rules: templateValue,
    Resources: fc.oneof(fc.dictionary(name, resource, { maxKeys: 6 }), templateValue),
    Outputs: fc.dictionary(name, fc.oneof(fc.record({ Value: templateValue }), templateValue), {
      maxKeys: 3,
    }),
    Transform: fc.constantFrom('Aliyun::Serverless-2018-04-03', 'Other'),
    Bogus: templateValue,
  },
  { requiredKeys: ['Resources'] },
);

/** Flow YAML with intrinsics written as short-form tags at random, to exercise the tag schema. */
function toFlowYaml(value: unknown, shortForms: readonly boolean[], counter = { i: 0 }): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => toFlowYaml(v, shortForms, counter)).join(', ')}]`;
  const entries = Object.entries(value);
  const short = shortForms[counter.i++ % shortForms.length];
  if (short && entries.length === 1) {
    const [fn, args] = entries[0];
    if (fn === 'Ref' || (fn.startsWith('Fn::') && fn.length > 4))
      return `!${fn === 'Ref' ? 'Ref' : fn.slice(4)} ${toFlowYaml(args, shortForms, counter)}`;
  }
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${toFlowYaml(v, shortForms, counter)}`).join(', ')}}`;
}

/** Builds an object with `key` at every level, own and enumerable, as a YAML/JSON loader would. */
function withKeyEverywhere(key: string, depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { leaf: { polluted: true } };
  for (let i = 0; i < depth; i++) {
    const next: Record<string, unknown> = {};
    Object.defineProperty(next, key, { value: node, enumerable: true, writable: true, configurable: true });
    node = next;
  }
  return node;
}

// ---------------------------------------------------------------------------------------------

describe('lintText never throws and places findings sanely', () => {
  it('on arbitrary strings', () => {
    check(arbitraryText, (text) => lintIsSane(text), 600);
  });

  it('on truncations of every corpus template', () => {
    // Every template at a few fixed cut points, then random ones.
    for (const { file, text } of corpus)
      for (const cut of [0, 1, text.length >> 2, text.length >> 1, text.length - 1])
        lintIsSane(text.slice(0, cut), file);
    check(
      fc.tuple(template, fc.double({ min: 0, max: 1, noNaN: true })),
      ([{ file, text }, at]) => lintIsSane(text.slice(0, Math.floor(text.length * at)), file),
      300,
    );
  });

  it('on single-character mutations of corpus templates', () => {
    const mutation = fc.tuple(
      template,
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom('replace', 'insert', 'delete'),
      anyChar,
    );
    check(
      mutation,
      ([{ file, text }, at, kind, ch]) => {
        const i = Math.floor(text.length * at);
        const mutated =
          kind === 'delete'
            ? text.slice(0, i) + text.slice(i + 1)
            : text.slice(0, i) + ch + text.slice(kind === 'replace' ? i + 1 : i);
        lintIsSane(mutated, file);
      },
      600,
    );
  });

  it('on random JSON values dumped as YAML and JSON, bare and as Resources', () => {
    check(
      fc.tuple(fc.jsonValue({ maxDepth: 5 }), fc.boolean(), fc.boolean()),
      ([value, asJson, wrap]) => {
        const doc = wrap ? { ROSTemplateFormatVersion: '2015-09-01', Resources: value } : value;
        lintIsSane(asJson ? JSON.stringify(doc) : dump(doc), asJson ? 'fuzz.json' : 'fuzz.yaml');
      },
      200,
    );
  });

  it('on structured random templates (schema types, intrinsics, nested Fn::If/Ref)', () => {
    const seen = new Set<string>();
    check(
      fc.tuple(
        structuredTemplate,
        fc.constantFrom('block', 'json', 'flow'),
        fc.array(fc.boolean(), { minLength: 1 }),
      ),
      ([doc, style, shortForms]) => {
        const text =
          style === 'json'
            ? JSON.stringify(doc, null, 1)
            : style === 'flow'
              ? toFlowYaml(doc, shortForms)
              : dump(doc);
        for (const f of lintIsSane(text, style === 'json' ? 'fuzz.json' : 'fuzz.yaml')) seen.add(f.ruleId);
      },
      400,
    );
    // The generator must reach the rules, schema-driven ones included, not just the parser.
    expect(seen.size).toBeGreaterThanOrEqual(15);
    expect([...seen].filter((id) => id.startsWith('property-')).length).toBeGreaterThanOrEqual(3);
  });

  it('lints corpus templates the same with CRLF line endings (and JSON ones with a BOM)', () => {
    const rules = (fs: Finding[]) => fs.map((f) => `${f.ruleId}@${f.line}:${f.column}`).sort();
    for (const { file, text } of corpus) {
      const base = lintIsSane(text, file);
      expect(base.filter((f) => f.severity === 'error')).toEqual([]);
      // YAML with a BOM: see the known-bug test below; here it must at least not crash.
      const bom = lintIsSane(`\ufeff${text}`, file);
      if (file.endsWith('.json')) expect(rules(bom)).toEqual(rules(base));
      expect(rules(lintIsSane(text.replace(/\n/g, '\r\n'), file))).toEqual(rules(base));
      // Tabs as indentation are a YAML error; they must come back as a parse finding, not a crash.
      lintIsSane(
        text.replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2)),
        file,
      );
      lintIsSane(text.replace(/ /g, '\t'), file);
    }
  });
});

describe('positions in edge cases', () => {
  it('places findings on empty values inside the text (column >= 1)', () => {
    for (const text of ['&a ', 'Parameters:\n  A:\n', 'Outputs:\n  O:', 'Resources:\n  R: !Ref'])
      expect(violation(lint(text), text)).toBeUndefined();
  });

  it('reads a YAML template that starts with a UTF-8 BOM', () => {
    const { file, text } = corpus.find((t) => t.file.endsWith('.yaml')) ?? corpus[0];
    expect(lint(`\ufeff${text}`, file).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('hostile input', () => {
  const parseErrorOnly = (text: string) => {
    const findings = lintIsSane(text);
    expect(findings.map((f) => f.ruleId)).toEqual(['template-parse-error']);
    return findings[0];
  };

  it('rejects alias bombs (billion laughs) quickly', () => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++)
      lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    const started = Date.now();
    expect(parseErrorOnly(`ROSTemplateFormatVersion: '2015-09-01'\n${lines.join('\n')}\n`).message).toMatch(
      /alias/,
    );
    // Generous bound: this guards against expanding 10^10 nodes, not against a slow machine.
    expect(Date.now() - started).toBeLessThan(5_000);
    // The same bomb inside a resource's Properties.
    const nested = `Resources:\n  R:\n    Type: Custom::X\n    Properties:\n${lines.map((l) => `      ${l}`).join('\n')}\n`;
    parseErrorOnly(nested);
  });

  it('handles self-referencing and forward aliases', () => {
    for (const text of [
      'a: &a [*a]\n',
      'a: &a {b: *a}\n',
      '&a [*a, *a]\n',
      'a: *b\nb: &b 1\n',
      'Resources: &r\n  R: *r\n',
      'x: &x\n  - *x\n',
    ])
      lintIsSane(text);
  });

  it('survives 10,000-deep nesting in every notation', () => {
    const n = 10_000;
    const samples = [
      '['.repeat(n) + ']'.repeat(n),
      `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`,
      `Resources:\n  R:\n    Properties:\n      P: ${'['.repeat(n)}${']'.repeat(n)}\n`,
      Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
      Array.from({ length: n }, (_, i) => `${' '.repeat(2 * i)}- `).join('\n'),
      `Outputs:\n  O:\n    Value: ${'{"Fn::If": [C, '.repeat(n)}1${', 2]}'.repeat(n)}\n`,
      `Outputs:\n  O:\n    Value: ${'!Base64Encode ['.repeat(n)}x${']'.repeat(n)}\n`,
    ];
    for (const text of samples) {
      const findings = lintIsSane(text);
      expect(findings.length).toBeGreaterThan(0);
    }
  });

  it('does not pollute Object.prototype through __proto__, constructor or prototype keys', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const keys = ['__proto__', 'constructor', 'prototype'];
    const texts: string[] = [];
    for (const key of keys) {
      const q = JSON.stringify(key);
      const deep = withKeyEverywhere(key, 30);
      texts.push(
        JSON.stringify(deep),
        dump(deep),
        // The key as a name in every section, as a property, a Ref/GetAtt/Sub target and a condition.
        [
          "ROSTemplateFormatVersion: '2015-09-01'",
          `${q}: {polluted: true}`,
          `Parameters: {${q}: {Type: String, Default: x, ${q}: {polluted: true}}}`,
          `Mappings: {${q}: {${q}: {${q}: polluted}}}`,
          `Conditions: {${q}: {"Fn::Equals": [{Ref: ${q}}, x]}}`,
          `Locals: {${q}: {Value: {${q}: {polluted: true}}}}`,
          'Resources:',
          `  ${q}:`,
          `    Type: Custom::X`,
          `    Condition: ${q}`,
          `    DependsOn: [${q}]`,
          `    ${q}: {polluted: true}`,
          `    Properties: {ServiceToken: {Ref: ${q}}, Timeout: 1, ${q}: {polluted: true}, Parameters: {${q}: {polluted: true}}}`,
          '  R2:',
          '    Type: Custom::CloudSSOUserProvision',
          `    Properties: {${q}: {polluted: true}, ServiceToken: x, Timeout: 1, Parameters: {${q}: {polluted: true}, PrincipalType: {Ref: ${q}}}}`,
          '  R3:',
          '    Type: ALIYUN::RAM::OIDCProvider',
          `    Properties: {${q}: {polluted: true}, OIDCProviderName: {"Fn::If": [${q}, {Ref: ${q}}, x]}}`,
          'Outputs:',
          `  ${q}: {Value: {"Fn::Sub": ["\${${key}} \${R2.${key}}", {${q}: 1}]}, ${q}: {polluted: true}}`,
          `  O2: {Value: {"Fn::GetAtt": [${q}, ${q}]}, Condition: ${q}}`,
          `  O3: {Value: {"Fn::FindInMap": [${q}, ${q}, ${q}]}}`,
          `  O4: {Value: !Sub "\${${key}}"}`,
          `  O5: {Value: !GetAtt ${key}.${key}}`,
        ].join('\n'),
      );
    }
    for (const text of texts) lintIsSane(text);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(probe.leaf).toBeUndefined();
    expect(Object.prototype.toString.call([])).toBe('[object Array]');
  });

  it('lints a 10 MB template', () => {
    const resources: string[] = [];
    const body = 'x'.repeat(3_000);
    for (let i = 0, size = 0; size <= 10 * 1024 * 1024; i++) {
      const r = `  R${i}:\n    Type: ALIYUN::ECS::VPC\n    Properties:\n      VpcName: !Sub 'vpc-\${ALIYUN::Region}'\n      Description: ${body}\n`;
      resources.push(r);
      size += r.length;
    }
    const text = `ROSTemplateFormatVersion: '2015-09-01'\nResources:\n${resources.join('')}`;
    expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
    const findings = lintIsSane(text);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('survives binary data: random bytes as latin1 and utf8, and NUL bytes', () => {
    check(
      fc.uint8Array({ minLength: 1, maxLength: 2_000 }),
      (bytes) => {
        const buf = Buffer.from(bytes);
        lintIsSane(buf.toString('latin1'));
        lintIsSane(buf.toString('utf8'));
      },
      150,
    );
    lintIsSane('\u0000'.repeat(1_000));
    lintIsSane(`ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  R:\n    Type: Custom::X\u0000\n`);
    lintIsSane(`${corpus[0].text.slice(0, 200)}\u0000${corpus[0].text.slice(200)}`);
    lintIsSane(Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString('latin1'));
  });

  it('lints huge single-line JSON', () => {
    const resources: Record<string, unknown> = {};
    for (let i = 0; i < 20_000; i++)
      resources[`R${i}`] = {
        Type: i % 2 ? 'Custom::Thing' : 'ALIYUN::RAM::OIDCProvider',
        Properties: i % 2 ? { ServiceToken: { Ref: 'Token' }, Timeout: 60 } : { OIDCProviderName: `p${i}` },
      };
    const text = JSON.stringify({
      ROSTemplateFormatVersion: '2015-09-01',
      Parameters: { Token: { Type: 'String' } },
      Resources: resources,
    });
    expect(text.includes('\n')).toBe(false);
    const findings = lintIsSane(text, 'huge.json');
    expect(findings.every((f) => f.line === 1)).toBe(true);
    // Each OIDC provider misses two required properties: the findings are real, and placed.
    expect(findings.filter((f) => f.ruleId === 'property-required').length).toBe(10_000 * 2);
  });

  it('lints very long keys and values', () => {
    const longKey = 'K'.repeat(1_000_000);
    const longValue = 'v'.repeat(5_000_000);
    lintIsSane(`ROSTemplateFormatVersion: '2015-09-01'\n${longKey}: 1\n`);
    lintIsSane(
      `Resources:\n  ${longKey}:\n    Type: Custom::X\n    Properties: {ServiceToken: ${longValue}, Timeout: 1}\n`,
    );
    lintIsSane(`Outputs:\n  O:\n    Value: !Sub "\${${longKey}}"\n`);
    lintIsSane(JSON.stringify({ Resources: { R: { Type: longValue } }, [longKey]: longValue }), 'long.json');
  });
});

describe('the CLI on a directory of hostile files', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ros-sso-fuzz-'));
    const bombLines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++)
      bombLines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    // Directory recursion lints only files that mention ROSTemplateFormatVersion, so each one does.
    const v = "ROSTemplateFormatVersion: '2015-09-01'\n";
    writeFileSync(join(dir, 'bomb.yaml'), `${v}${bombLines.join('\n')}\n`);
    writeFileSync(
      join(dir, 'deep.json'),
      `{"ROSTemplateFormatVersion": "2015-09-01", "Resources": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
    );
    writeFileSync(
      join(dir, 'binary.yaml'),
      Buffer.concat([Buffer.from(v), Buffer.from(Array.from({ length: 4_096 }, (_, i) => (i * 131) % 256))]),
    );
    writeFileSync(
      join(dir, 'proto.yaml'),
      `${v}__proto__: {polluted: true}\nconstructor: {prototype: {x: 1}}\n`,
    );
    writeFileSync(join(dir, 'self.yaml'), `${v}a: &a [*a]\n`);
    writeFileSync(join(dir, 'empty.yaml'), '# ROSTemplateFormatVersion\n');
    if (!existsSync(join(ROOT, 'dist', 'lint.js'))) {
      const build = spawnSync(process.execPath, ['scripts/build.js'], { cwd: ROOT, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
    }
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 1 with parse findings, never 2, and prints no stack trace', () => {
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'ros-sso.js'), 'lint', dir, '--format', 'json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 15_000,
      },
    );
    expect(run.stderr).not.toMatch(/internal error|\n\s+at |Error:/);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as {
      results: Finding[];
      summary: { files: number; errors: number };
    };
    expect(report.summary.files).toBe(6);
    const files = new Set(report.results.filter((f) => f.severity === 'error').map((f) => f.file));
    for (const name of ['bomb.yaml', 'deep.json', 'binary.yaml', 'self.yaml', 'empty.yaml'])
      expect([...files].some((f) => f.endsWith(name))).toBe(true);
    const problem = violation(report.results, '');
    expect(problem === undefined || problem.startsWith('endLine past')).toBe(true);
  });
});
