import { existingOrKnownTypeNames, isExistingType, typeEntry } from '../../schemas/catalog';
import { joinPointer } from '../../template/pointer';
import { defineRule } from './rule';
import { suggestion } from './util/did-you-mean';

export default defineRule({
  id: 'resource-no-schema',
  defaultSeverity: 'info',
  description:
    'A resource whose type has no definition here is not validated property by property; reported once per type. A type the official ROS type list names is information; an ALIYUN:: type that list does not name is a warning with a did-you-mean (it may be newer than the list, or a typo), never an error.',
  messages: {
    noSchema: 'no schema for {type}; its properties are not validated',
    existingType:
      '{type} is an official ROS type without a definition here; its properties are not validated (ros-sso schemas update fetches it)',
    unknownType:
      'unknown resource type {type}: neither defined here nor in the official ROS type list{hint} (its properties are not validated; if it is newer than the list, ros-sso schemas update fetches it)',
    dataSource:
      'no definition for {type}; only RefreshOptions is validated (ros-sso schemas update fetches data source definitions)',
    module: '{type} is a module; its properties are its parameters and are not validated',
    serverless: '{type} is expanded by the Transform {transform}; its properties are not validated',
    serverlessWithoutTransform:
      '{type} needs Transform: Aliyun::Serverless-2018-04-03 at the top of the template',
  },
  check({ template, report }) {
    const seen = new Set<string>();
    for (const view of template.resourceViews()) {
      const type = view.type;
      if (!type || seen.has(type)) continue;
      seen.add(type);
      const entry = typeEntry(type);
      if (entry && entry.provenance !== 'generic') continue;
      const at = joinPointer(view.pointer, 'Type');
      if (entry) report(at, 'dataSource', { type });
      else if (isExistingType(type)) report(at, 'existingType', { type });
      else if (type.startsWith('Aliyun::Serverless::')) {
        const transform = template.value.Transform;
        if (typeof transform === 'string' && transform.startsWith('Aliyun::Serverless'))
          report(at, 'serverless', { type, transform });
        else report(at, 'serverlessWithoutTransform', { type }, { severity: 'error' });
      } else if (type.startsWith('MODULE::')) {
        report(at, 'module', { type });
      } else if (type.startsWith('ALIYUN::')) {
        report(
          at,
          'unknownType',
          { type, hint: suggestion(type, existingOrKnownTypeNames()) },
          { severity: 'warning' },
        );
      } else {
        report(at, 'noSchema', { type });
      }
    }
  },
});
