import { schemaForType } from '../../schemas/registry';
import { joinPointer } from '../template/pointer';
import { defineRule } from './rule';

export default defineRule({
  id: 'resource-no-schema',
  defaultSeverity: 'info',
  description:
    'A resource whose type has no schema here is not validated property by property; this is reported once per type, for information, never as an error.',
  messages: {
    noSchema: 'no schema for {type}; its properties are not validated',
    serverless: '{type} is expanded by the Transform {transform}; its properties are not validated',
    serverlessWithoutTransform:
      '{type} needs Transform: Aliyun::Serverless-2018-04-03 at the top of the template',
  },
  check({ template, report }) {
    const seen = new Set<string>();
    for (const view of template.resourceViews()) {
      const type = view.type;
      if (!type || seen.has(type) || schemaForType(type)) continue;
      seen.add(type);
      const at = joinPointer(view.pointer, 'Type');
      if (type.startsWith('Aliyun::Serverless::')) {
        const transform = template.value.Transform;
        if (typeof transform === 'string' && transform.startsWith('Aliyun::Serverless'))
          report(at, 'serverless', { type, transform });
        else report(at, 'serverlessWithoutTransform', { type }, { severity: 'error' });
      } else {
        report(at, 'noSchema', { type });
      }
    }
  },
});
