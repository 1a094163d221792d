import { describe, expect, it } from 'vitest';
import { allSchemas, apiSchemas, resourceSchemas, schemaForType } from '../../schemas/registry';
import { formatIssues, validateAgainst } from '../../schemas/validate';

const UP = 'https://ros-sso.dev/schemas/resources/ALIYUN.CloudSSO.UserProvision.json';
const api = (name: string) => `https://ros-sso.dev/schemas/api/${name}.json`;

const provision = (over: Record<string, unknown> = {}) => ({
  DirectoryId: 'd-1',
  PrincipalId: 'g-abc',
  PrincipalType: 'Group',
  TargetId: '1000000000000001',
  TargetType: 'RD-Account',
  DuplicationStrategy: 'KeepBoth',
  DeletionStrategy: 'Keep',
  ...over,
});

describe('resource schemas', () => {
  it.each(resourceSchemas.map((s) => [s.rosType, s] as const))(
    '%s points its notUpdatableProperties at real properties',
    (_type, schema) => {
      for (const pointer of schema.notUpdatableProperties) {
        const [top] = pointer.slice(1).split('/');
        expect(Object.keys(schema.properties)).toContain(top);
      }
      expect(Array.isArray(schema.attributes)).toBe(true);
    },
  );

  it('gives UserProvision its 8 properties, 7 required, 5 not updatable, attribute UserProvisionId', () => {
    const s = schemaForType('ALIYUN::CloudSSO::UserProvision');
    expect(Object.keys(s?.properties ?? {}).sort()).toEqual([
      'DeletionStrategy',
      'Description',
      'DirectoryId',
      'DuplicationStrategy',
      'PrincipalId',
      'PrincipalType',
      'TargetId',
      'TargetType',
    ]);
    expect(s?.required).toHaveLength(7);
    expect(s?.notUpdatableProperties).toEqual([
      '/DirectoryId',
      '/PrincipalId',
      '/PrincipalType',
      '/TargetId',
      '/TargetType',
    ]);
    expect(s?.attributes).toEqual(['UserProvisionId']);
  });

  it('checks any other Custom:: type as ALIYUN::ROS::CustomResource and knows nothing of native types it lacks', () => {
    expect(schemaForType('Custom::Whatever')?.rosType).toBe('ALIYUN::ROS::CustomResource');
    expect(schemaForType('Custom::CloudSSOUserProvision')?.rosType).toBe('Custom::CloudSSOUserProvision');
    expect(schemaForType('ALIYUN::ECS::VPC')).toBeUndefined();
  });

  it('accepts a valid provisioning and requires g- for a Group and u- for a User', () => {
    expect(validateAgainst(UP, provision())).toEqual([]);
    expect(formatIssues(validateAgainst(UP, provision({ PrincipalId: 'u-abc' })))).toBe(
      "/PrincipalId: 'u-abc' must be a group ID (g-…) because PrincipalType is Group",
    );
    expect(validateAgainst(UP, provision({ PrincipalType: 'User', PrincipalId: 'u-abc' }))).toEqual([]);
  });

  it('coerces numbers written as strings and strings written as numbers', () => {
    const value = provision({ TargetId: 1000000000000001 });
    expect(validateAgainst(UP, value)).toEqual([]);
    expect(value.TargetId).toBe('1000000000000001');
    const custom = {
      ServiceToken: 'acs:fc:cn-hangzhou:1:functions/f',
      Timeout: '120',
      Parameters: provision(),
    };
    expect(
      validateAgainst('https://ros-sso.dev/schemas/resources/Custom.CloudSSOUserProvision.json', custom),
    ).toEqual([]);
    expect(custom.Timeout).toBe(120);
  });

  it('words each problem once, naming the field', () => {
    const issues = validateAgainst(UP, {
      ...provision({ DeletionStrategy: 'Purge', Extra: 1 }),
      DirectoryId: undefined,
    });
    expect(formatIssues(issues)).toBe(
      "/: missing required property DirectoryId; /Extra: unknown property Extra; /DeletionStrategy: 'Purge' is not allowed; expected one of 'Delete', 'Keep'",
    );
  });
});

describe('API request schemas', () => {
  it('requires DirectoryId and UserProvisioningId for DeleteUserProvisioning, DeletionStrategy optional Delete|Keep', () => {
    const id = api('CloudSSO.DeleteUserProvisioning');
    expect(validateAgainst(id, { DirectoryId: 'd-1', UserProvisioningId: 'up-1' })).toEqual([]);
    expect(
      validateAgainst(id, { DirectoryId: 'd-1', UserProvisioningId: 'up-1', DeletionStrategy: 'Keep' }),
    ).toEqual([]);
    expect(validateAgainst(id, { DirectoryId: 'd-1' }).map((i) => i.property)).toEqual([
      'UserProvisioningId',
    ]);
    expect(
      validateAgainst(id, { DirectoryId: 'd-1', UserProvisioningId: 'up-1', DeletionStrategy: 'Purge' })[0]
        .keyword,
    ).toBe('enum');
  });

  it('constrains OIDCProviderName and ClientId for RemoveClientIdFromOIDCProvider', () => {
    const id = api('IMS.RemoveClientIdFromOIDCProvider');
    expect(validateAgainst(id, { OIDCProviderName: 'github', ClientId: 'sts.aliyuncs.com' })).toEqual([]);
    expect(validateAgainst(id, { OIDCProviderName: 'github', ClientId: 'api://app/x:y' })).toEqual([]);
    expect(
      validateAgainst(id, { OIDCProviderName: '-bad', ClientId: '/leading' }).map((i) => i.pointer),
    ).toEqual(['/OIDCProviderName', '/ClientId']);
    expect(
      validateAgainst(id, { OIDCProviderName: 'a'.repeat(129), ClientId: 'x'.repeat(129) })
        .map((i) => i.keyword)
        .sort(),
    ).toEqual(['maxLength', 'maxLength', 'pattern']);
  });

  it('has a precompiled validator for every schema', () => {
    for (const s of allSchemas()) expect(() => validateAgainst(s.$id, {})).not.toThrow();
    expect(Object.keys(apiSchemas).length).toBeGreaterThanOrEqual(2);
  });
});
