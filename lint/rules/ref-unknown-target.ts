import { PSEUDO_PARAMETERS } from '../../template/intrinsics';
import { joinPointer, splitPointer } from '../../template/pointer';
import { defineRule } from './rule';
import { suggestion } from './util/did-you-mean';

/** Metadata and a parameter's AssociationPropertyMetadata drive the console form only, not the stack. */
function consoleOnly(pointer: string): boolean {
  const tokens = splitPointer(pointer);
  return (
    tokens[0] === 'Metadata' || (tokens[0] === 'Parameters' && tokens[2] === 'AssociationPropertyMetadata')
  );
}

export default defineRule({
  id: 'ref-unknown-target',
  defaultSeverity: 'error',
  description:
    "Ref must name a parameter (in a Terraform template, a variable of its Workspace), a resource, a Locals entry or an ALIYUN:: pseudo parameter; inside Conditions, not a resource. In Metadata and a parameter's AssociationPropertyMetadata, which only the console reads, an unknown name is a warning.",
  messages: {
    unknown: 'Ref to {name}, which is not a parameter, resource, local or pseudo parameter{hint}',
    unknownInConsole:
      'Ref to {name}, which is not a parameter, resource, local or pseudo parameter{hint}; this metadata is read by the console only, so its form breaks, not the stack',
    notString: 'Ref takes the name of a parameter, resource or local as a plain string',
    resourceInCondition: 'inside Conditions, Ref may name a parameter or a local, not the resource {name}',
  },
  check({ template, report }) {
    const names = () => [
      ...template.parameters.keys(),
      ...template.terraformVariables,
      ...template.resources.keys(),
      ...template.locals.keys(),
      ...PSEUDO_PARAMETERS,
    ];
    for (const use of template.intrinsics()) {
      if (use.fn !== 'Ref') continue;
      const at = joinPointer(use.pointer, 'Ref');
      if (typeof use.args !== 'string') report(at, 'notString');
      else if (!template.isRefTarget(use.args)) {
        const hint = suggestion(use.args, names());
        if (consoleOnly(use.pointer))
          report(at, 'unknownInConsole', { name: use.args, hint }, { severity: 'warning' });
        else report(at, 'unknown', { name: use.args, hint });
      } else if (
        use.pointer.startsWith('/Conditions/') &&
        template.resources.has(use.args) &&
        !template.isParameter(use.args) &&
        !template.locals.has(use.args)
      ) {
        report(at, 'resourceInCondition', { name: use.args });
      }
    }
  },
});
