import type { Finding, RuleMeta, Summary } from '../finding';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';

/** A pure renderer of one lint run; output ends with a newline (or is empty). */
export type Formatter = (
  findings: readonly Finding[],
  summary: Summary,
  rules: readonly RuleMeta[],
) => string;

export type FormatName = 'text' | 'json' | 'sarif' | 'github';

/** The `--format` choices of `ros-sso lint`; `text` is the default. */
export const formatters: Record<FormatName, Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};
