import type { Finding, RuleMeta, Summary } from '../../../lint/finding';

/** Rule metadata as the catalogue would pass it; `template-parse-error` is deliberately absent. */
export const rules: readonly RuleMeta[] = [
  {
    id: 'ros-unknown-property',
    defaultSeverity: 'error',
    description: 'Flags a property the resource type does not define. Typos are the usual cause.',
  },
  {
    id: 'sso-display-name-length',
    defaultSeverity: 'warning',
    description: 'DisplayName should stay within 256 characters',
  },
  {
    id: 'style-output-description',
    defaultSeverity: 'info',
    description: 'Outputs should have a Description.',
  },
];

/**
 * Three files (one path with a space and non-ASCII), all severities, messages with `%`, `:`, `,`,
 * CR/LF and non-ASCII, a multi-line range, an escaped JSON pointer and an unparsable file.
 */
export const findings: readonly Finding[] = [
  {
    file: 'broken.yaml',
    line: 4,
    column: 1,
    endLine: 4,
    endColumn: 2,
    ruleId: 'template-parse-error',
    severity: 'error',
    message: 'bad indentation of a mapping entry (4:1)',
    path: '',
  },
  {
    file: 'templates/sso users ü.yaml',
    line: 12,
    column: 7,
    endLine: 12,
    endColumn: 16,
    ruleId: 'ros-unknown-property',
    severity: 'error',
    message: 'Unknown property "UserNmae": ALIYUN::CloudSSO::User allows UserName, DisplayName, Email',
    path: '/Resources/Alice/Properties/UserNmae',
  },
  {
    file: 'templates/sso users ü.yaml',
    line: 20,
    column: 20,
    endLine: 22,
    endColumn: 9,
    ruleId: 'sso-display-name-length',
    severity: 'warning',
    message: 'DisplayName "Zoë 张伟" is 120% of the limit',
    path: '/Resources/Zoë/Properties/DisplayName',
  },
  {
    file: 'templates/outputs.json',
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 14,
    ruleId: 'style-output-description',
    severity: 'info',
    message: 'Output "a/b" has no Description.\nAdd one:\r\n  Description: …',
    path: '/Outputs/a~1b',
  },
];

export const summary: Summary = { files: 3, errors: 2, warnings: 1 };
export const cleanSummary: Summary = { files: 5, errors: 0, warnings: 0 };
