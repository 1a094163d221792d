import { TEMPLATE_MARKER } from '../files';
import { INPUT_LIMITS } from './limits';
import { describeReadProblem, readTextFile, regularFileContains } from './read-file';

/** What reading one template gave the linter. */
export type TemplateInput =
  | { kind: 'text'; text: string }
  /** The file cannot be linted as a template: one finding at `offset` of `text` (`''` when unread). */
  | { kind: 'problem'; message: string; text: string; offset: number }
  /** Found in a directory and not a template: left alone, as any other non-template file. */
  | { kind: 'skipped' }
  /** An I/O error (permissions, vanished): the run cannot be trusted, exit 2. */
  | { kind: 'error'; message: string };

// The marker as it appears in the encodings a YAML stream may have, for files too large to read.
const MARKER_BYTES = [
  Buffer.from(TEMPLATE_MARKER, 'utf8'),
  Buffer.from(TEMPLATE_MARKER, 'utf16le'),
  Buffer.from(TEMPLATE_MARKER, 'utf16le').swap16(),
];

/** How the message about an oversized template says where its limit comes from (`config`: whether the command reads one). */
export function templateLimitHint(limit: number, config = true): string {
  const change = config
    ? 'limits.templateBytes in the config or --max-template-bytes'
    : '--max-template-bytes';
  return limit === INPUT_LIMITS.template
    ? `ROS's limit for a template body; ${change} changes it`
    : `set by ${change}`;
}

/**
 * Reads a template the way `lint` needs it. A file named on the command line (`explicit`) that is
 * not a regular file, is over the size limit or is not valid text is a finding; a file found in a
 * directory is one only if it looks like a template (has the marker), so that a large
 * package-lock.json or a binary .json next to the templates is never reported.
 */
export function readTemplateInput(
  path: string,
  name: string,
  explicit: boolean,
  limit: number,
): TemplateInput {
  const outcome = readTextFile(path, limit);
  if (!outcome.ok) {
    const { problem } = outcome;
    if (problem.kind === 'unreadable') return { kind: 'error', message: describeReadProblem(name, problem) };
    if (!explicit) {
      if (problem.kind === 'not-a-file') return { kind: 'skipped' };
      if (!regularFileContains(path, MARKER_BYTES, 16 * limit)) return { kind: 'skipped' };
    }
    const message = describeReadProblem(name, problem, templateLimitHint(limit));
    return { kind: 'problem', message: `${message}; not read`, text: '', offset: 0 };
  }
  const { decoded } = outcome;
  if (!explicit && !decoded.text.includes(TEMPLATE_MARKER)) return { kind: 'skipped' };
  if (!decoded.ok)
    return { kind: 'problem', message: decoded.message, text: decoded.text, offset: decoded.offset };
  return { kind: 'text', text: decoded.text };
}
