import { joinPointer } from '../../template/pointer';
import { defineRule } from './rule';

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
    const { parameters, resources, locals } = template;
    /** Reports a name once, at its declaration in the last of its sections. */
    const clash = (name: string, sections: string[]) => {
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
    };
    for (const name of locals.keys()) {
      const sections = [
        ...(parameters.has(name) ? ['Parameters'] : []),
        ...(resources.has(name) ? ['Resources'] : []),
      ];
      if (sections.length) clash(name, [...sections, 'Locals']);
    }
    for (const name of resources.keys()) {
      if (parameters.has(name) && !locals.has(name)) clash(name, ['Parameters', 'Resources']);
    }
  },
});
