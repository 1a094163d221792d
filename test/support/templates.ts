/** A valid template with one ALIYUN::CloudSSO::UserProvision; line 12 is DeletionStrategy (value at column 25). */
export const USER_PROVISION = `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  Provision:
    Type: ALIYUN::CloudSSO::UserProvision
    Properties:
      DirectoryId: d-1
      PrincipalId: u-1
      PrincipalType: User
      TargetId: '1000000000000001'
      TargetType: RD-Account
      DuplicationStrategy: KeepBoth
      DeletionStrategy: Keep
`;
