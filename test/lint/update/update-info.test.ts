import { describe, expect, it } from 'vitest';
import { TemplateModel } from '../../../template/model';
import { parseTemplate } from '../../../template/parse';
import type { FactsLookup } from '../../../lint/update/facts';
import { UPDATE_INFO_LISTS, updateInfo } from '../../../lint/update/update-info';
import { dedent } from '../rule-tester';
import { factsTable } from './diff-tester';

function infoOf(yaml: string, factsOf?: FactsLookup) {
  const parsed = parseTemplate('t.yaml', dedent(yaml));
  if (!parsed.ok) throw new Error(parsed.failure.message);
  return updateInfo(new TemplateModel(parsed.template), factsOf);
}

/** parameter → list, for the parameters named. */
function listsOf(yaml: string, factsOf?: FactsLookup): Record<string, string> {
  const report = infoOf(yaml, factsOf);
  return Object.fromEntries(Object.entries(report.Parameters).map(([name, p]) => [name, p.list]));
}

const PARAMETERS = `
  ROSTemplateFormatVersion: '2015-09-01'
  Parameters:
    A: { Type: String }
    B: { Type: String }
    C: { Type: String }
    Env: { Type: String, AllowedValues: [dev, prod] }
`;

/** A template with one native UserProvision whose TargetId (and DeletionStrategy) are given. */
const native = (targetId: string, more = '') => `${PARAMETERS}${more}
  Resources:
    Provision:
      Type: ALIYUN::CloudSSO::UserProvision
      Properties:
        DirectoryId: d-1
        PrincipalId: u-1
        PrincipalType: User
        TargetType: RD-Account
        TargetId: ${targetId}
        DeletionStrategy: !Ref C
`;

/** The same through the ros-sso custom resource, whose provider refuses. */
const custom = (targetId: string, more = '') => `${PARAMETERS}${more}
  Resources:
    Provision:
      Type: Custom::CloudSSOUserProvision
      Properties:
        ServiceToken: acs:fc:cn-hangzhou:1:functions/ros-sso
        Timeout: 60
        Parameters:
          DirectoryId: d-1
          PrincipalId: u-1
          PrincipalType: User
          TargetType: RD-Account
          TargetId: ${targetId}
          DeletionStrategy: !Ref C
`;

const CONDITIONS = `
  Conditions:
    IsProd: { 'Fn::Equals': [!Ref Env, prod] }
    ProdAndB: { 'Fn::And': [{ Condition: IsProd }, { 'Fn::Equals': [!Ref B, x] }] }
`;

describe('update-info', () => {
  it('follows a Ref into a native property: replacement, with the property and its position', () => {
    const report = infoOf(native('!Ref A'));
    expect(report.Parameters.A).toEqual({
      list: 'ParametersCauseReplacementIfModified',
      reaches: [
        {
          property: 'Resources.Provision.Properties.TargetId',
          path: '/Resources/Provision/Properties/TargetId',
          line: 16,
          column: 17,
          effect: 'replace',
          certainty: 'definite',
          via: ['Ref'],
        },
      ],
    });
    expect(report.UpdateInfo.ParametersAllowedToBeModified).toEqual(['B', 'C', 'Env']);
  });

  it('follows a custom resource: the provider refuses (not allowed)', () => {
    expect(listsOf(custom('!Ref A'))).toMatchObject({
      A: 'ParametersNotAllowedToBeModified',
      C: 'ParametersAllowedToBeModified',
    });
  });

  it.each([
    ['Fn::Sub with ${A} in the string', "!Sub '1000${A}'"],
    ['Fn::Sub with a variable map', "!Sub ['1000${X}', { X: !Ref A }]"],
    ['Fn::Join', "!Join ['', ['1000', !Ref A]]"],
    ['Fn::Select', '!Select [0, [!Ref A, x]]'],
    ['Fn::Replace', "!Replace [{ x: !Ref A }, '1000x']"],
    ['Fn::FindInMap keys', '!FindInMap [Accounts, !Ref A, Id]'],
    ['nested functions', "!Join ['', [!Select [0, !Split [',', !Sub '${A},x']]]]"],
  ])('follows %s', (_name, expression) => {
    const report = infoOf(custom(expression));
    expect(report.Parameters.A.list).toBe('ParametersNotAllowedToBeModified');
    expect(report.Parameters.A.reaches.map((r) => r.property)).toEqual([
      'Resources.Provision.Properties.Parameters.TargetId',
    ]);
  });

  it('does not count an Fn::GetAtt or a Ref to a resource', () => {
    expect(listsOf(custom('!GetAtt Other.Id')).A).toBe('ParametersAllowedToBeModified');
  });

  it('makes both branches of Fn::If and the parameters of its condition conditional', () => {
    const report = infoOf(native('!If [IsProd, !Ref A, !Ref B]', CONDITIONS));
    expect(listsOf(native('!If [IsProd, !Ref A, !Ref B]', CONDITIONS))).toEqual({
      A: 'ParametersConditionallyCauseReplacementIfModified',
      B: 'ParametersConditionallyCauseReplacementIfModified',
      C: 'ParametersAllowedToBeModified',
      Env: 'ParametersConditionallyCauseReplacementIfModified',
    });
    expect(report.Parameters.Env.reaches[0].via).toEqual(['Fn::If', 'Condition IsProd', 'Fn::Equals', 'Ref']);
    expect(listsOf(custom('!If [IsProd, !Ref A, x]', CONDITIONS))).toMatchObject({
      A: 'ParametersConditionallyAllowedToBeModified',
      Env: 'ParametersConditionallyAllowedToBeModified',
    });
  });

  it('follows conditions that use other conditions', () => {
    expect(listsOf(native('!If [ProdAndB, x, y]', CONDITIONS))).toMatchObject({
      B: 'ParametersConditionallyCauseReplacementIfModified',
      Env: 'ParametersConditionallyCauseReplacementIfModified',
    });
  });

  it('follows an Fn::If above a nested property into its branches', () => {
    const yaml = `${PARAMETERS}${CONDITIONS}
  Resources:
    Provision:
      Type: Custom::CloudSSOUserProvision
      Properties:
        ServiceToken: acs:fc:cn-hangzhou:1:functions/ros-sso
        Parameters: !If
          - IsProd
          - { TargetId: !Ref A, DeletionStrategy: !Ref C }
          - { TargetId: '1', DeletionStrategy: !Ref B }
`;
    const report = infoOf(yaml);
    expect(report.Parameters.A.reaches).toMatchObject([
      {
        property: 'Resources.Provision.Properties.Parameters.TargetId',
        path: '/Resources/Provision/Properties/Parameters/Fn::If/1/TargetId',
        certainty: 'conditional',
      },
    ]);
    expect(report.Parameters.Env.list).toBe('ParametersConditionallyAllowedToBeModified');
    expect(report.Parameters.B.list).toBe('ParametersAllowedToBeModified');
    expect(report.Parameters.C.list).toBe('ParametersAllowedToBeModified');
  });

  it('counts the Condition of a resource: changing it may delete or create the resource', () => {
    const yaml = native("'1'", CONDITIONS).replace(
      '      Type: ALIYUN::CloudSSO::UserProvision',
      '      Type: ALIYUN::CloudSSO::UserProvision\n      Condition: IsProd',
    );
    const report = infoOf(yaml);
    expect(report.Parameters.Env).toMatchObject({
      list: 'ParametersConditionallyCauseReplacementIfModified',
      reaches: [
        { property: 'Resources.Provision', path: '/Resources/Provision/Condition', effect: 'exists' },
      ],
    });
  });

  it('counts a resource Count', () => {
    const yaml = native("'1'").replace('      Properties:', '      Count: !Ref B\n      Properties:');
    expect(infoOf(yaml).Parameters.B).toMatchObject({
      list: 'ParametersConditionallyCauseReplacementIfModified',
      reaches: [{ property: 'Resources.Provision.Count', effect: 'exists' }],
    });
  });

  it('follows a Ref to a Locals entry', () => {
    const locals = `
  Locals:
    Account: { Value: !Join ['', ['1000', !Ref A]] }
`;
    expect(infoOf(custom('!Ref Account', locals)).Parameters.A).toMatchObject({
      list: 'ParametersNotAllowedToBeModified',
      reaches: [{ via: ['Ref', 'Locals.Account', 'Fn::Join', 'Ref'] }],
    });
  });

  it('calls a whole expression around refused properties uncertain', () => {
    const yaml = `${PARAMETERS}
  Resources:
    Provision:
      Type: Custom::CloudSSOUserProvision
      Properties:
        ServiceToken: acs:fc:cn-hangzhou:1:functions/ros-sso
        Parameters: !Ref A
`;
    expect(infoOf(yaml).Parameters.A).toMatchObject({
      list: 'ParametersUncertainlyAllowedToBeModified',
      reaches: [{ property: 'Resources.Provision.Properties.Parameters', certainty: 'uncertain' }],
    });
  });

  it('calls a parameter that reaches a type with no update facts uncertain', () => {
    const yaml = `${PARAMETERS}
  Resources:
    Thing:
      Type: ALIYUN::Nowhere::Thing
      Properties: { Name: !Ref A }
`;
    expect(listsOf(yaml).A).toBe('ParametersUncertainlyAllowedToBeModified');
  });

  it('follows * pointers into list items, and nested pointers per path', () => {
    const facts = factsTable({ 'ALIYUN::Test::Function': ['/VpcConfig/VSwitchIds/*', '/Mounts/*/Path'] });
    const yaml = `${PARAMETERS}
  Resources:
    Fn:
      Type: ALIYUN::Test::Function
      Properties:
        VpcConfig: { VSwitchIds: [vsw-1, !Ref A], SecurityGroupId: !Ref B }
        Mounts: [{ Path: !Ref C, Size: !Ref Env }]
`;
    const report = infoOf(yaml, facts);
    expect(report.Parameters.A.reaches.map((r) => r.path)).toEqual([
      '/Resources/Fn/Properties/VpcConfig/VSwitchIds/1',
    ]);
    expect(report.Parameters.C.reaches.map((r) => r.path)).toEqual([
      '/Resources/Fn/Properties/Mounts/0/Path',
    ]);
    expect(listsOf(yaml, facts)).toEqual({
      A: 'ParametersCauseReplacementIfModified',
      B: 'ParametersAllowedToBeModified',
      C: 'ParametersCauseReplacementIfModified',
      Env: 'ParametersAllowedToBeModified',
    });
  });

  it('puts each parameter in its most blocking list only', () => {
    const yaml = custom('!Ref A').replace(
      'ServiceToken: acs:fc:cn-hangzhou:1:functions/ros-sso',
      "ServiceToken: !Sub 'acs:fc:${B}'",
    );
    const report = infoOf(yaml.replace('DirectoryId: d-1', 'DirectoryId: !Ref B'));
    expect(report.Parameters.B.list).toBe('ParametersNotAllowedToBeModified');
    expect(report.Parameters.B.reaches.map((r) => r.effect).sort()).toEqual(['refuse', 'replace']);
    const all = UPDATE_INFO_LISTS.flatMap((l) => report.UpdateInfo[l]);
    expect(all.sort()).toEqual(['A', 'B', 'C', 'Env']);
  });

  it('uses the ValidateTemplate UpdateInfo field names', () => {
    expect(Object.keys(infoOf(native("'1'")).UpdateInfo).sort()).toEqual([
      'ParametersAllowedToBeModified',
      'ParametersCauseReplacementIfModified',
      'ParametersConditionallyAllowedToBeModified',
      'ParametersConditionallyCauseReplacementIfModified',
      'ParametersNotAllowedToBeModified',
      'ParametersUncertainlyAllowedToBeModified',
      'ParametersUncertainlyCauseReplacementIfModified',
    ]);
  });
});
