import { looksLikeFunction } from '../../template/intrinsics';
import { isMapping } from '../../template/model';
import { joinPointer } from '../../template/pointer';
import { defineRule } from './rule';

// Precision first: only shapes no real value has. On the official corpus every hit is a
// documentation stand-in left in a template.
/** `xxx`, `XXXX`: nothing but x's. */
const ONLY_XS = /^x{3,}$/i;
/** An ID prefix (`vpc-`, `sg-`, `i-`) then at most a few characters and 4+ x's: `vpc-2xxxx`. */
const ID_OF_XS = /^[a-z][a-z0-9]{0,7}-[a-z0-9]{0,6}x{4,}$/i;
/** An ID masked the way Alibaba's docs print them: `vsw-bp1abc****`, and `1884085****`. */
const MASKED_ID = /^[a-z][a-z0-9]{0,7}-[a-z0-9]+\*{3,}$/i;
const MASKED = /^[a-z0-9]+\*{4,}$/i;
const XXX = /xxx/i;
/** Longer runs are filler or data (a test's 3,000 x's), not a value someone forgot to fill in. */
const MAX_LENGTH = 64;

/** Placeholders are short, and every shape has `xxx` or `***`: cheap tests that most strings fail. */
function mayBePlaceholder(text: string): boolean {
  return text.length >= 3 && text.length <= MAX_LENGTH + 8 && (text.includes('***') || XXX.test(text));
}

/**
 * Whether a trimmed literal is a placeholder. `shallow` values (a property's own value, an item of its
 * list, a parameter's Default) may be any shape; deeper ones only an ID-like one, since free-form
 * maps (Helm values, secrets of unused features) hold sample strings on purpose.
 */
function isPlaceholder(text: string, shallow: boolean): boolean {
  if (ID_OF_XS.test(text) || MASKED_ID.test(text)) return true;
  return shallow && (ONLY_XS.test(text) || MASKED.test(text));
}

export default defineRule({
  id: 'template-placeholder',
  defaultSeverity: 'warning',
  description:
    'Literal property values and parameter Defaults must not be placeholders such as xxxx, vpc-2xxxx or a masked ID (vsw-bp1…****).',
  messages: {
    property: '{value} looks like a placeholder, not a real value',
    default: 'the Default {value} looks like a placeholder, not a real value',
  },
  check({ template, report }) {
    // Tokens of the current path: a pointer string is built only for a placeholder found.
    const path: Array<string | number> = [];
    /** Walks literals only: anything under a function is computed, not written. */
    const visit = (node: unknown, base: string, depth: number, messageId: 'property' | 'default') => {
      if (typeof node === 'string') {
        if (mayBePlaceholder(node) && isPlaceholder(node.trim(), depth <= 1))
          report(joinPointer(base, ...path), messageId, { value: JSON.stringify(node.trim()) });
      } else if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) {
          path.push(i);
          visit(node[i], base, depth + 1, messageId);
          path.pop();
        }
      } else if (isMapping(node) && !looksLikeFunction(node)) {
        for (const key in node) {
          path.push(key);
          visit(node[key], base, depth + 2, messageId);
          path.pop();
        }
      }
    };
    for (const [name, parameter] of template.parameters) {
      if (isMapping(parameter) && 'Default' in parameter)
        visit(parameter.Default, joinPointer('/Parameters', name, 'Default'), 0, 'default');
    }
    for (const view of template.resourceViews()) {
      if (!view.properties) continue;
      const base = joinPointer(view.pointer, 'Properties');
      for (const key in view.properties) {
        path.push(key);
        visit(view.properties[key], base, 0, 'property');
        path.pop();
      }
    }
  },
});
