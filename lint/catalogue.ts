import pkg from '../package.json';
import type { Rule, RuleKind } from './rules/rule';

/** The repository's web address, from package.json (`git+https://github.com/OWNER/ros-sso.git`). */
export const REPOSITORY_URL = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/**
 * Where a rule is documented: its section of the generated catalogue, whose heading is the id (so
 * the anchor is the id). SARIF `helpUri`, `ros-sso rules` and the catalogue's own table use it.
 */
export function ruleDocsUrl(id: string): string {
  return `${REPOSITORY_URL}/blob/main/lint/rules/README.md#${id}`;
}

/** The JSON Schema keywords a rule owns (schema rules only). */
const keywordsOf = (rule: Rule): readonly string[] => (rule.kind === 'schema' ? rule.keywords : []);

const KIND_WORDS: Record<RuleKind, string> = {
  template: 'checks each template',
  schema: 'reports the schema issues of its keywords',
  update: 'compares two versions of a template (`ros-sso diff`, `lint --since`)',
  engine: 'made by the linter itself',
};

const code = (words: readonly string[]) => words.map((w) => `\`${w}\``).join(', ');

/** The rule catalogue as Markdown; lint/rules/README.md is this output, checked by a test. */
export function renderCatalogueMarkdown(rules: readonly Rule[]): string {
  const lines = [
    '# Rule catalogue',
    '',
    '<!-- Generated from the rule modules by `ros-sso rules --format markdown`; do not edit. -->',
    '',
    `${rules.length} rules. Severity is the default; \`.ros-sso.yaml\` can change it or turn a rule off.`,
    "Each rule's section below is the page its findings link to (SARIF `helpUri`).",
    '',
    '| Rule | Severity | Kind | Schema keywords |',
    '|---|---|---|---|',
    ...rules.map(
      (r) => `| [\`${r.id}\`](#${r.id}) | ${r.defaultSeverity} | ${r.kind} | ${code(keywordsOf(r))} |`,
    ),
  ];
  for (const rule of rules) {
    const keywords = keywordsOf(rule);
    lines.push(
      '',
      `## ${rule.id}`,
      '',
      `Default severity: ${rule.defaultSeverity}. Kind: ${rule.kind} (${KIND_WORDS[rule.kind]}).` +
        (keywords.length > 0 ? ` Schema keywords: ${code(keywords)}.` : ''),
      '',
      rule.description,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** One line per rule (id, severity, description), then its docs URL indented below. */
export function renderCatalogueText(rules: readonly Rule[]): string {
  const width = Math.max(...rules.map((r) => r.id.length));
  const indent = ' '.repeat(width + 2 + 7 + 2);
  const entries = rules.map(
    (r) =>
      `${r.id.padEnd(width)}  ${r.defaultSeverity.padEnd(7)}  ${r.description}\n${indent}${ruleDocsUrl(r.id)}`,
  );
  return `${entries.join('\n')}\n`;
}

export function renderCatalogueJson(rules: readonly Rule[]): string {
  const data = rules.map((rule) => ({
    id: rule.id,
    defaultSeverity: rule.defaultSeverity,
    description: rule.description,
    keywords: keywordsOf(rule),
    helpUri: ruleDocsUrl(rule.id),
  }));
  return `${JSON.stringify(data, null, 2)}\n`;
}
