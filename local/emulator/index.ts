export type { ActionContext, ActionHandler } from './action-context';
export { ApiError } from './api-error';
export { type FaultSpec, FaultSpecError, parseFaults } from './faults';
export { IMS_USER_EXISTS, INJECTED_SYNC_FAILURE } from './provisioning-sync';
export type { RecordedRequest } from './request-handler';
export { loadSeed, type SeedDocument, SeedError, type SeedInput, type SeedObject } from './seed';
export { type EmulatorOptions, type RunningEmulator, startEmulator } from './server';
export type { EmulatorCredential } from './signature';
export type {
  Directory,
  DirectoryGroup,
  DirectoryUser,
  EmulatorState,
  OidcProvider,
  RamUser,
  RdAccount,
  StateSnapshot,
  UserProvisioning,
  UserProvisioningEvent,
} from './state';
