import { resolve } from 'node:path';
import { load } from 'js-yaml';
import type { Severity } from './finding';
import { INPUT_LIMITS } from './input/limits';
import { describeReadProblem, readTextFile } from './input/read-file';
import { isMapping } from '../template/model';

export const CONFIG_FILE = '.ros-sso.yaml';

export type RuleSetting = Severity | 'off';

export interface LintConfig {
  /** Severity per rule id, or `off`. */
  rules: Record<string, RuleSetting>;
  /** Globs of files never linted. */
  ignorePaths: string[];
  /** Size limits in bytes (`limits.templateBytes`, `limits.baselineBytes`); absent: INPUT_LIMITS. */
  limits?: { templateBytes: number; baselineBytes: number };
}

/** A configuration problem: the CLI exits 2 with this one-line message. */
export class ConfigError extends Error {}

const SETTINGS: readonly string[] = ['error', 'warning', 'info', 'off'];

const KEYS = ['rules', 'ignorePaths', 'limits'];
const LIMIT_KEYS: { templateBytes: number; baselineBytes: number } = {
  templateBytes: INPUT_LIMITS.template,
  baselineBytes: INPUT_LIMITS.baseline,
};

function defaults(): LintConfig {
  return { rules: {}, ignorePaths: [], limits: { ...LIMIT_KEYS } };
}

/** The text of the config file, or undefined when the default file is absent. */
function readConfigText(path: string, name: string, explicit: boolean): string | undefined {
  const outcome = readTextFile(path, INPUT_LIMITS.config);
  if (!outcome.ok) {
    const { problem } = outcome;
    if (!explicit && problem.kind === 'unreadable' && problem.code === 'ENOENT') return undefined;
    throw new ConfigError(
      problem.kind === 'unreadable'
        ? `cannot read config ${name}: ${problem.code}`
        : `config ${describeReadProblem(name, problem)}`,
    );
  }
  if (!outcome.decoded.ok) throw new ConfigError(`config ${name} is ${outcome.decoded.message}`);
  return outcome.decoded.text;
}

function parseLimits(raw: unknown, name: string): NonNullable<LintConfig['limits']> {
  const limits = { ...LIMIT_KEYS };
  if (!isMapping(raw))
    throw new ConfigError(`${name}: limits: must map templateBytes and baselineBytes to sizes`);
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(LIMIT_KEYS, key))
      throw new ConfigError(
        `${name}: limits: unknown key ${key} (expected ${Object.keys(LIMIT_KEYS).join(', ')})`,
      );
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
      throw new ConfigError(`${name}: limits.${key}: expected a positive whole number of bytes`);
    limits[key as keyof typeof LIMIT_KEYS] = value;
  }
  return limits;
}

/** Reads `.ros-sso.yaml` from `cwd` (or the given file); absent file → defaults. */
export function loadConfig(cwd: string, knownRules: ReadonlySet<string>, file?: string): LintConfig {
  const name = file ?? CONFIG_FILE;
  const config = defaults();
  const text = readConfigText(resolve(cwd, name), name, file !== undefined);
  if (text === undefined) return config;
  let raw: unknown;
  try {
    raw = load(text);
  } catch (err) {
    throw new ConfigError(
      `cannot read config ${name}: ${(err as { reason?: string }).reason ?? String(err)}`,
    );
  }
  if (raw === undefined || raw === null) return config;
  if (!isMapping(raw))
    throw new ConfigError(`${name} must be a mapping with rules:, ignorePaths: and limits:`);
  for (const key of Object.keys(raw)) {
    if (!KEYS.includes(key))
      throw new ConfigError(`${name}: unknown key ${key} (expected ${KEYS.join(', ')})`);
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
  if (raw.limits !== undefined) config.limits = parseLimits(raw.limits, name);
  return config;
}
