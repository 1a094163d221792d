import { parseCommandLine, UsageError } from '../../cli/args';
import { parseByteCount } from '../args';
import { formatText } from '../formatters/text';
import { terminalSafe } from '../formatters/terminal';
import { summarize } from '../finding';
import { TemplateModel } from '../../template/model';
import { allRules } from '../rules';
import { parseTemplate } from '../../template/parse';
import type { ExitCode, Io } from '../../cli/io';
import { readTemplate } from './diff-command';
import { structureErrors } from './structure';
import { renderUpdateInfoJson, renderUpdateInfoText, updateInfo } from '../update/update-info';

export const UPDATE_INFO_USAGE = `Usage: ros-sso update-info TEMPLATE [--format text|json] [--max-template-bytes N]

Which parameters a stack of this template can change, in the lists of ROS ValidateTemplate
UpdateInfo (native types assume replacement is enabled), and for each one that cannot, the
properties it reaches. Exit code 0, 1 when the template does not parse, 2 on a usage or I/O error.
`;

function parseUpdateInfoArgs(argv: readonly string[]) {
  return parseCommandLine(
    argv,
    {
      format: { type: 'string', short: 'f' },
      'max-template-bytes': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    { command: 'update-info' },
  );
}

/** `ros-sso update-info TEMPLATE`. */
export function runUpdateInfo(argv: readonly string[], io: Io): ExitCode {
  const { values, positionals } = parseUpdateInfoArgs(argv);
  if (values.help) {
    io.stdout(UPDATE_INFO_USAGE);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError('update-info takes one template: ros-sso update-info TEMPLATE');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`unknown format ${format}; use text or json`);
  const limit = parseByteCount('--max-template-bytes', values['max-template-bytes']);
  const { file, text } = readTemplate(positionals[0], io.cwd, limit, false);
  const outcome = parseTemplate(file, text);
  const errors = structureErrors(file, text);
  if (!outcome.ok || errors.length > 0) {
    io.stdout(
      format === 'json'
        ? `${JSON.stringify({ file, error: errors[0], errors }, null, 2)}\n`
        : formatText(errors, summarize(errors, 1), allRules),
    );
    return 1;
  }
  const report = updateInfo(new TemplateModel(outcome.template));
  io.stdout(format === 'json' ? renderUpdateInfoJson(report) : terminalSafe(renderUpdateInfoText(report)));
  return 0;
}
