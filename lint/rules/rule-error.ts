import { defineEngineRule } from './rule';

// Made by the engine when a rule throws; the run goes on with the other rules.
export default defineEngineRule({
  id: 'rule-error',
  defaultSeverity: 'error',
  description: 'A rule failed on this template; the finding names the rule. Please report it.',
  messages: { crashed: '{message}' },
});
