import { isMapping } from '../../template/model';
import { joinPointer } from '../../template/pointer';
import { defineRule } from './rule';

// js-yaml reads `: value` with nothing before the colon as the key "null"; PyYAML (pure and
// libyaml loaders alike, measured with PyYAML 6.0.3) refuses it: "while parsing a block mapping".
// ROS reads templates with a Python YAML loader (iac-code's parser), so it rejects the template.
/** Space, tab or the `-` of a list item: what may stand between a line's start and an empty key. */
const isGap = (c: number) => c === 32 || c === 9 || c === 45;
/** Newline, `{`, `,` or `[`: after these a key begins. */
const startsKey = (c: number) => c === 10 || c === 123 || c === 44 || c === 91;

/**
 * Whether the text has a colon with no key before it: at a line's start (past indentation and
 * `- `) or right after `{ , [`, and followed by a space or the line's end. A prefilter that keeps
 * most files from the walk: an indexOf loop that dismisses most colons by the character before
 * them, several times faster than a regular expression over every byte.
 */
function mayHaveEmptyKey(text: string): boolean {
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
    if (i > 0 && !isGap(text.charCodeAt(i - 1)) && !startsKey(text.charCodeAt(i - 1))) continue;
    const next = text.charCodeAt(i + 1);
    if (i + 1 < text.length && next !== 32 && next !== 9 && next !== 10 && next !== 13) continue;
    let j = i - 1;
    while (j >= 0 && isGap(text.charCodeAt(j))) j--;
    if (j < 0 || startsKey(text.charCodeAt(j))) return true;
  }
  return false;
}

export default defineRule({
  id: 'template-empty-key',
  defaultSeverity: 'error',
  description:
    'Every mapping key must be written: `: value` with no key (an output without a name, say) is refused by the Python YAML loader ROS uses.',
  messages: {
    empty:
      'the key before this value is empty; the Python YAML loader ROS uses refuses a mapping key left empty',
  },
  check({ template, report }) {
    if (!mayHaveEmptyKey(template.parsed.text)) return;
    const visit = (node: unknown, pointer: string) => {
      if (Array.isArray(node)) {
        node.forEach((item, i) => visit(item, joinPointer(pointer, i)));
      } else if (isMapping(node)) {
        // js-yaml constructs an empty key as "null", while the position index files it under the
        // empty token (`…/`): an empty key is a "null" key with an indexed `…/` and no '' key.
        const empty = `${pointer}/`;
        if ('null' in node && !('' in node) && template.parsed.has(empty)) report(empty, 'empty');
        for (const [key, value] of Object.entries(node)) visit(value, joinPointer(pointer, key));
      }
    };
    visit(template.value, '');
  },
});
