import { lintText } from '../engine';
import type { Finding } from '../finding';
import { allRules } from '../rules';

/** The rules that say whether a file is a template whose Parameters and Resources can be read. */
const STRUCTURE_RULES = new Set([
  'template-format-version',
  'template-unknown-section',
  'parameter-definition',
  'resource-definition',
]);

/**
 * The structural errors of a template (parse errors included): a file with any cannot be compared
 * or analysed, so `diff` and `update-info` report these instead of an empty, reassuring answer.
 */
export function structureErrors(file: string, text: string): Finding[] {
  const rules = allRules.filter((r) => STRUCTURE_RULES.has(r.id));
  return lintText(file, text, { rules }).filter((f) => f.severity === 'error');
}
