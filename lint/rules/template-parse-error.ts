import { defineRule } from './rule';

// Made by the engine when a file cannot be read as one template; listed for the catalogue.
export default defineRule({
  id: 'template-parse-error',
  defaultSeverity: 'error',
  description:
    'The file must be one well-formed YAML or JSON document whose top level is a mapping: no syntax errors, duplicate keys, unknown tags, alias bombs or excessive nesting.',
  messages: { parse: '{message}' },
});
