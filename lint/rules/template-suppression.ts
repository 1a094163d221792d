import { defineEngineRule } from './rule';

// Findings of this rule are made by lint/suppression.ts, which reads these messages.
export default defineEngineRule({
  id: 'template-suppression',
  defaultSeverity: 'error',
  description:
    'A suppression (an inline `# ros-sso-ignore` comment or a resource `Metadata` entry) must name known rules and give a reason; once its expiry date has passed it no longer suppresses and is reported.',
  messages: {
    expired: 'suppression of {rules} expired on {date}; fix the finding or renew the suppression',
    missingReason: 'suppression of {rules} needs a reason, e.g. reason="why this is acceptable"',
    unknownRule: 'suppression names unknown rule {rule}',
    badDate: 'suppression expiry {date} is not a date (YYYY-MM-DD)',
    malformed: 'suppression is malformed: {detail}',
  },
});
