export type { ActionContext, ActionHandler } from './action-context';
export { ApiError } from './api-error';
export { type FaultSpec, FaultSpecError, parseFaults } from './faults';
export { accountTrustPolicy, RD_ACCESS_ROLE } from './initial-state';
export { IMS_USER_EXISTS, INJECTED_SYNC_FAILURE } from './provisioning-sync';
export type { RecordedRequest } from './request-handler';
export { RAM_VERSION } from './ram-actions';
export {
  loadSeed,
  type SeedDocument,
  SeedError,
  type SeedInput,
  type SeedObject,
  type SeedPolicy,
} from './seed';
export { STS_VERSION } from './sts-actions';
export { type EmulatorOptions, type RunningEmulator, startEmulator } from './server';
export type { EmulatorCredential } from './signature';
export type {
  Directory,
  DirectoryGroup,
  DirectoryUser,
  EmulatorState,
  OidcProvider,
  RamRole,
  RamUser,
  RdAccount,
  StateSnapshot,
  UserProvisioning,
  UserProvisioningEvent,
} from './state';
