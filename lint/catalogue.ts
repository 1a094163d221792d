import type { Rule } from './rules/rule';

/** The JSON Schema keywords a rule owns (schema rules only). */
const keywordsOf = (rule: Rule): readonly string[] => (rule.kind === 'schema' ? rule.keywords : []);

/** The rule catalogue as Markdown; lint/rules/README.md is this output, checked by a test. */
export function renderCatalogueMarkdown(rules: readonly Rule[]): string {
  const lines = [
    '# Rule catalogue',
    '',
    '<!-- Generated from the rule modules by `ros-sso rules --format markdown`; do not edit. -->',
    '',
    `${rules.length} rules. Severity is the default; \`.ros-sso.yaml\` can change it or turn a rule off.`,
    '',
    '| Rule | Severity | Checks | Schema keywords |',
    '|---|---|---|---|',
  ];
  for (const rule of rules) {
    const keywords = keywordsOf(rule)
      .map((k) => `\`${k}\``)
      .join(', ');
    lines.push(
      `| \`${rule.id}\` | ${rule.defaultSeverity} | ${rule.description.replace(/\|/g, '\\|')} | ${keywords} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function renderCatalogueText(rules: readonly Rule[]): string {
  const width = Math.max(...rules.map((r) => r.id.length));
  return `${rules.map((r) => `${r.id.padEnd(width)}  ${r.defaultSeverity.padEnd(7)}  ${r.description}`).join('\n')}\n`;
}

export function renderCatalogueJson(rules: readonly Rule[]): string {
  const data = rules.map((rule) => ({
    id: rule.id,
    defaultSeverity: rule.defaultSeverity,
    description: rule.description,
    keywords: keywordsOf(rule),
  }));
  return `${JSON.stringify(data, null, 2)}\n`;
}
