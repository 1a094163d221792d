import { PSEUDO_PARAMETERS } from '../template/intrinsics';
import { joinPointer } from '../template/pointer';
import { defineRule } from './rule';
import { suggestion } from './util/did-you-mean';

export default defineRule({
  id: 'ref-unknown-target',
  defaultSeverity: 'error',
  description:
    'Ref must name a parameter, a resource, a Locals entry or an ALIYUN:: pseudo parameter; inside Conditions, only parameters.',
  messages: {
    unknown: 'Ref to {name}, which is not a parameter, resource, local or pseudo parameter{hint}',
    notString: 'Ref takes the name of a parameter, resource or local as a plain string',
    notParameterInCondition: 'inside Conditions, Ref may only name a parameter, not {name}',
  },
  check({ template, report }) {
    const names = () => [
      ...template.parameters.keys(),
      ...template.resources.keys(),
      ...template.locals.keys(),
      ...PSEUDO_PARAMETERS,
    ];
    for (const use of template.intrinsics()) {
      if (use.fn !== 'Ref') continue;
      const at = joinPointer(use.pointer, 'Ref');
      if (typeof use.args !== 'string') report(at, 'notString');
      else if (!template.isRefTarget(use.args))
        report(at, 'unknown', { name: use.args, hint: suggestion(use.args, names()) });
      else if (
        use.pointer.startsWith('/Conditions/') &&
        !template.parameters.has(use.args) &&
        !use.args.startsWith('ALIYUN::')
      ) {
        report(at, 'notParameterInCondition', { name: use.args });
      }
    }
  },
});
