import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCatalogueMarkdown, ruleDocsUrl } from '../../../lint/catalogue';
import { allRules } from '../../../lint/rules';
import type { Rule } from '../../../lint/rules/rule';
import pkg from '../../../package.json';

// Parity of the rule modules, their list, their tests and the generated catalogue (ESLint's
// checkRuleFiles, cfn-lint's check of its rules document).

const ROOT = resolve(__dirname, '..', '..', '..');
const RULES_DIR = join(ROOT, 'lint', 'rules');
const TESTS_DIR = join(ROOT, 'test', 'lint', 'rules');
const NOT_RULES = new Set(['rule.ts', 'index.ts']);
const SECTION =
  /^(template|parameter|ref|resource|property|output|condition|function|update)-[a-z0-9]+(-[a-z0-9]+)*$/;

/** The rule module files (`util/` is a folder, so readdir's plain files leave it out). */
const moduleFiles = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts') && !NOT_RULES.has(e.name))
  .map((e) => e.name)
  .sort();

/** The default export of each module, loaded through vitest so the TypeScript is transformed. */
const exported = new Map<string, Rule | undefined>();

describe('rule catalogue', () => {
  beforeAll(async () => {
    for (const file of moduleFiles) {
      const module = (await import(join(RULES_DIR, file))) as { default?: Rule };
      exported.set(file, module.default);
    }
  });

  it('finds the rule modules', () => {
    expect(moduleFiles.length).toBeGreaterThan(0);
  });

  for (const file of moduleFiles) {
    const id = file.replace(/\.ts$/, '');
    describe(file, () => {
      it('exports a rule whose id is its file name', () => {
        expect(exported.get(file)?.id).toBe(id);
      });
      it('is listed in lint/rules/index.ts', () => {
        expect(allRules).toContain(exported.get(file));
      });
      it('has a test file named for its id', () => {
        expect(readdirSync(TESTS_DIR)).toContain(`${id}.test.ts`);
      });
    });
  }

  it('lists only rule modules in lint/rules/index.ts', () => {
    expect(allRules.map((r) => `${r.id}.ts`).sort()).toEqual(moduleFiles);
  });

  it('has no test file without a rule', () => {
    const tests = readdirSync(TESTS_DIR)
      .filter((f) => f.endsWith('.test.ts') && f !== 'catalogue.test.ts')
      .map((f) => f.replace(/\.test\.ts$/, ''));
    expect(tests.filter((id) => !allRules.some((r) => r.id === id))).toEqual([]);
  });

  it('gives every rule a unique id', () => {
    const ids = allRules.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('names every rule in kebab-case with a known section prefix, or rule-error', () => {
    expect(allRules.map((r) => r.id).filter((id) => id !== 'rule-error' && !SECTION.test(id))).toEqual([]);
  });

  it('keeps the list sorted by id', () => {
    const ids = allRules.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('gives every rule a description, a default severity and at least one message', () => {
    for (const rule of allRules) {
      expect(rule.description, rule.id).not.toBe('');
      expect(['error', 'warning', 'info'], rule.id).toContain(rule.defaultSeverity);
      expect(Object.keys(rule.messages).length, rule.id).toBeGreaterThan(0);
    }
  });

  it('routes each schema keyword to one rule only', () => {
    const keywords = allRules.flatMap((r) => (r.kind === 'schema' ? r.keywords : []));
    expect(keywords.filter((k, i) => keywords.indexOf(k) !== i)).toEqual([]);
  });

  it('gives every rule a section of the catalogue whose anchor its docs URL names', () => {
    const readme = readFileSync(join(RULES_DIR, 'README.md'), 'utf8');
    // GitHub's anchor of a heading: lower case, punctuation but - and _ dropped, spaces to hyphens.
    const anchors = [...readme.matchAll(/^#+ (.+)$/gm)].map(([, heading]) =>
      heading
        .toLowerCase()
        .replace(/[^a-z0-9 _-]/g, '')
        .replace(/ /g, '-'),
    );
    const repository = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    for (const rule of allRules) {
      expect(
        anchors.filter((a) => a === rule.id),
        rule.id,
      ).toHaveLength(1);
      expect(ruleDocsUrl(rule.id)).toBe(`${repository}/blob/main/lint/rules/README.md#${rule.id}`);
    }
    expect(repository).toMatch(/^https:\/\/github\.com\/[^/]+\/ros-sso$/);
  });

  it('commits lint/rules/README.md as generated from the rules', () => {
    expect(readFileSync(join(RULES_DIR, 'README.md'), 'utf8')).toBe(renderCatalogueMarkdown(allRules));
  });
});
