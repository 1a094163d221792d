import rule from '../../../lint/rules/template-rules-assertion';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'assertions that hold under the defaults, or cannot be known',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Zone1: {Type: String, Default: cn-hangzhou-h}
          Zone2: {Type: String, Default: cn-hangzhou-i}
          Zone3: {Type: String}
          Unset: {Type: String, Default: null}
          Count: {Type: Number, Default: 2}
        Rules:
          DifferentZones:
            Assertions:
              - Assert: !Not [!Equals [!Ref Zone1, !Ref Zone2]]
              - Assert: !Not [!Equals [!Ref Zone1, !Ref Zone3]]
              - Assert: !Equals [!Ref Unset, x]
              - Assert: !Equals [!Ref Count, '3']
              - Assert: !Equals [!Select [0, [a]], b]
              - Assert: !Equals [!Ref ALIYUN::Region, cn-beijing]
      `,
    },
    {
      name: 'a false assertion whose RuleCondition does not hold or cannot be known',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Mode: {Type: String, Default: simple}
          Other: {Type: String}
        Rules:
          Off:
            RuleCondition: !Equals [!Ref Mode, advanced]
            Assertions:
              - Assert: !Equals [a, b]
          Unknown:
            RuleCondition: !Equals [!Ref Other, advanced]
            Assertions:
              - Assert: !Equals [a, b]
      `,
    },
  ],
  invalid: [
    {
      name: 'an assertion false whatever the parameters: an error naming its description',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Rules:
          Broken:
            Assertions:
              - Assert: !Equals [prod, production]
                AssertDescription: the stage must be production
      `,
      findings: [
        {
          messageId: 'alwaysFalse',
          path: '/Rules/Broken/Assertions/0/Assert',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 26,
          severity: 'error',
          message:
            /^this assertion is false whatever the parameters, so every deployment fails validation \(the stage must be production\)$/,
        },
      ],
    },
    {
      name: 'assertions false under the defaults: warnings naming the parameters',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Zone1: {Type: String, Default: cn-hangzhou-h}
          Zone2: {Type: String, Default: cn-hangzhou-h}
          Secure: {Type: Boolean, Default: 'True'}
          Ports: {Type: CommaDelimitedList, Default: '22,80'}
          Size: {Type: Number, Default: '4'}
        Rules:
          DifferentZones:
            Assertions:
              - Assert: !Not [!Equals [!Ref Zone1, !Ref Zone2]]
          SecurePorts:
            RuleCondition: !Equals [!Ref Secure, true]
            Assertions:
              - Assert: !EachMemberIn [!Ref Ports, ['443', '80']]
              - Assert: !Or [!Contains [[1, 2], !Ref Size], !Equals [!Ref Size, 8]]
      `,
      findings: [
        {
          messageId: 'falseByDefault',
          path: '/Rules/DifferentZones/Assertions/0/Assert',
          line: 11,
          column: 17,
          endLine: 11,
          endColumn: 23,
          severity: 'warning',
          message:
            /^with the defaults of Zone1, Zone2 this assertion is false, so a deployment that keeps them fails validation$/,
        },
        {
          messageId: 'falseByDefault',
          path: '/Rules/SecurePorts/Assertions/0/Assert',
          line: 15,
          column: 17,
          endLine: 15,
          endColumn: 32,
          severity: 'warning',
          message: /defaults of Secure, Ports /,
        },
        {
          messageId: 'falseByDefault',
          path: '/Rules/SecurePorts/Assertions/1/Assert',
          line: 16,
          column: 17,
          endLine: 16,
          endColumn: 22,
          severity: 'warning',
          message: /defaults of Secure, Size /,
        },
      ],
    },
  ],
});
