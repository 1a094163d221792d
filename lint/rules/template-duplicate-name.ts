import { joinPointer } from '../template/pointer';
import { defineRule } from './rule';

const SECTIONS = ['Parameters', 'Resources', 'Locals'] as const;

// The Locals doc says a local's name "cannot be the same as" a parameter's or a resource's
// (help.aliyun.com/en/ros/user-guide/local-variables-locals): an error. For a parameter and a
// resource of one name no ROS fact was found (iac-code's ROS4201 calls all three an error), so
// that pair is a warning: `Ref` to the name can only mean one of them.
export default defineRule({
  id: 'template-duplicate-name',
  defaultSeverity: 'error',
  description:
    'A name may be declared in only one of Parameters, Resources and Locals (a local clashing with either is an error; a parameter and a resource of one name, a warning).',
  messages: {
    clash: '{name} is declared in {sections}; {rule}',
  },
  check({ template, report }) {
    const declared = {
      Parameters: template.parameters,
      Resources: template.resources,
      Locals: template.locals,
    };
    const seen = new Set<string>();
    for (const section of SECTIONS) {
      for (const name of declared[section].keys()) {
        if (seen.has(name)) continue;
        seen.add(name);
        const sections = SECTIONS.filter((s) => declared[s].has(name));
        if (sections.length < 2) continue;
        const withLocal = sections.includes('Locals');
        report(
          joinPointer(`/${sections[sections.length - 1]}`, name),
          'clash',
          {
            name,
            sections:
              sections.length === 2 ? `both ${sections.join(' and ')}` : 'Parameters, Resources and Locals',
            rule: withLocal
              ? 'a local must not share its name with a parameter or a resource'
              : 'a Ref to it can mean only one of them',
          },
          { blame: 'key', severity: withLocal ? 'error' : 'warning' },
        );
      }
    }
  },
});
