import { defineEngineRule } from './rule';

// Made by the engine when a file cannot be read as one template; listed for the catalogue.
export default defineEngineRule({
  id: 'template-parse-error',
  defaultSeverity: 'error',
  description:
    "The file must be a regular file (not a FIFO, device, socket or directory) within the template size limit (ROS's own 524,288 bytes unless configured), valid UTF-8 (or UTF-16/UTF-32, which are decoded), and one well-formed YAML or JSON document whose top level is a mapping: no syntax errors, duplicate keys, unknown tags, alias bombs or excessive nesting.",
  messages: { parse: '{message}' },
});
