import type {
  Directory,
  DirectoryGroup,
  DirectoryUser,
  EmulatorState,
  GroupMember,
  OidcProvider,
  RamRole,
  RamUser,
  RdAccount,
  SyncedUser,
  UserProvisioning,
  UserProvisioningEvent,
} from './emulator/state';
import type { StackEvent } from './stack-events';
import { bool, listOf, mapping, num, objectOf, oneOf, recordOf, type Shape, text } from './state-shape';
import type { ResourceRecord, StackRecord } from './stack-record';

/** What `emulator.json` and `stacks/<name>.json` must hold (the types in emulator/state.ts and workspace.ts). */

const ramUser = objectOf<RamUser>(
  {
    userId: text,
    userName: text,
    displayName: text,
    comments: text,
    createDate: text,
    updateDate: text,
    provisionedBy: text,
    provisionType: oneOf('Manual', 'SCIM', 'CloudSSO'),
    status: oneOf('active', 'freeze'),
    accessKeyId: text,
    policyDocument: text,
  },
  // State written before RAM users had ProvisionType/Status has none; the emulator fills them in.
  ['provisionedBy', 'provisionType', 'status', 'accessKeyId', 'policyDocument'],
);

const ramRole = objectOf<RamRole>(
  {
    roleId: text,
    roleName: text,
    description: text,
    assumeRolePolicyDocument: text,
    maxSessionDuration: num,
    createDate: text,
    updateDate: text,
    policyDocument: text,
  },
  ['policyDocument'],
);

const oidcProvider = objectOf<OidcProvider>({
  name: text,
  issuerUrl: text,
  clientIds: listOf(text),
  fingerprints: listOf(text),
  description: text,
  issuanceLimitTime: num,
  createDate: text,
  updateDate: text,
});

const account = objectOf<RdAccount>(
  {
    accountId: text,
    displayName: text,
    isManagement: bool,
    path: text,
    ramUsers: listOf(ramUser),
    roles: listOf(ramRole),
    oidcProviders: listOf(oidcProvider),
  },
  // State written before accounts had roles has none; the emulator adds the RD access role.
  ['roles'],
);

const directoryUser = objectOf<DirectoryUser>({
  userId: text,
  userName: text,
  displayName: text,
  firstName: text,
  lastName: text,
  email: text,
  description: text,
  status: oneOf('Enabled', 'Disabled'),
  createTime: text,
  updateTime: text,
});

const directoryGroup = objectOf<DirectoryGroup>({
  groupId: text,
  groupName: text,
  description: text,
  createTime: text,
  updateTime: text,
  members: listOf(objectOf<GroupMember>({ userId: text, joinTime: text })),
});

const directory = objectOf<Directory>({
  directoryId: text,
  directoryName: text,
  region: text,
  ownerPk: text,
  createTime: text,
  updateTime: text,
  users: listOf(directoryUser),
  groups: listOf(directoryGroup),
});

const deletion = oneOf('Delete', 'Keep');

const provisioning = objectOf<UserProvisioning>(
  {
    userProvisioningId: text,
    directoryId: text,
    ownerPk: text,
    principalId: text,
    principalType: oneOf('User', 'Group'),
    principalName: text,
    targetId: text,
    targetType: oneOf('RD-Account'),
    targetName: text,
    targetPath: text,
    duplicationStrategy: oneOf('KeepBoth', 'TakeOver'),
    deletionStrategy: deletion,
    deletionStrategyAtCreation: deletion,
    description: text,
    status: oneOf('Enabled'),
    createTime: text,
    updateTime: text,
    latestAsyncTime: text,
    syncedUsers: listOf(objectOf<SyncedUser>({ userId: text, ramUserName: text })),
  },
  // State written before the creation-time strategy was kept has none; see Workspace.loadEmulator.
  ['latestAsyncTime', 'deletionStrategyAtCreation'],
);

const event = objectOf<UserProvisioningEvent>({
  eventId: text,
  userProvisioningId: text,
  directoryId: text,
  userId: text,
  sourceType: oneOf(
    'StartProvisioning',
    'DeleteProvisioning',
    'AddUserToGroup',
    'RemoveUserFromGroup',
    'UserProvisioningDeletionClearing',
  ),
  errorCount: num,
  errorInfo: text,
  latestAsyncTime: text,
  createTime: text,
  updateTime: text,
});

export const EMULATOR_STATE_SHAPE: Shape = objectOf<EmulatorState>({
  resourceDirectoryId: text,
  managementAccountId: text,
  accounts: listOf(account),
  directories: listOf(directory),
  provisionings: listOf(provisioning),
  events: listOf(event),
});

const stackEvent = objectOf<StackEvent>(
  {
    time: text,
    stack: text,
    logicalId: text,
    type: text,
    status: text,
    physicalId: text,
    reason: text,
  },
  ['physicalId', 'reason'],
);

const resource = objectOf<ResourceRecord>({
  type: text,
  physicalId: text,
  properties: mapping,
  attributes: mapping,
});

export const STACK_RECORD_SHAPE: Shape = objectOf<StackRecord>({
  name: text,
  id: text,
  status: text,
  templateFile: text,
  template: mapping,
  parameters: recordOf(text),
  resources: recordOf(resource),
  outputs: mapping,
  events: listOf(stackEvent),
});
