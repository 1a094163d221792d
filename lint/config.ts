import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import type { Severity } from './finding';
import { isMapping } from './template/model';

export const CONFIG_FILE = '.ros-sso.yaml';

export type RuleSetting = Severity | 'off';

export interface LintConfig {
  /** Severity per rule id, or `off`. */
  rules: Record<string, RuleSetting>;
  /** Globs of files never linted. */
  ignorePaths: string[];
}

/** A configuration problem: the CLI exits 2 with this one-line message. */
export class ConfigError extends Error {}

const SETTINGS: readonly string[] = ['error', 'warning', 'info', 'off'];

/** Reads `.ros-sso.yaml` from `cwd` (or the given file); absent file → defaults. */
export function loadConfig(cwd: string, knownRules: ReadonlySet<string>, file?: string): LintConfig {
  const path = resolve(cwd, file ?? CONFIG_FILE);
  const config: LintConfig = { rules: {}, ignorePaths: [] };
  if (!file && !existsSync(path)) return config;
  let raw: unknown;
  try {
    raw = load(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(
      `cannot read config ${file ?? CONFIG_FILE}: ${(err as { reason?: string; code?: string }).reason ?? (err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
  if (raw === undefined || raw === null) return config;
  if (!isMapping(raw))
    throw new ConfigError(`${file ?? CONFIG_FILE} must be a mapping with rules: and ignorePaths:`);
  for (const key of Object.keys(raw)) {
    if (key !== 'rules' && key !== 'ignorePaths')
      throw new ConfigError(`${file ?? CONFIG_FILE}: unknown key ${key} (expected rules, ignorePaths)`);
  }
  if (raw.rules !== undefined) {
    if (!isMapping(raw.rules))
      throw new ConfigError('rules: must map rule ids to error, warning, info or off');
    for (const [id, setting] of Object.entries(raw.rules)) {
      if (!knownRules.has(id)) throw new ConfigError(`rules: unknown rule ${id}; see ros-sso rules`);
      if (typeof setting !== 'string' || !SETTINGS.includes(setting))
        throw new ConfigError(`rules.${id}: expected error, warning, info or off`);
      config.rules[id] = setting as RuleSetting;
    }
  }
  if (raw.ignorePaths !== undefined) {
    if (!Array.isArray(raw.ignorePaths) || !raw.ignorePaths.every((g) => typeof g === 'string')) {
      throw new ConfigError('ignorePaths: must be a list of globs');
    }
    config.ignorePaths = raw.ignorePaths;
  }
  return config;
}
