// What the local runner and the tests use of the emulator; everything else stays inside the folder.
export { FaultSpecError, parseFaults } from './faults';
export { IMS_USER_EXISTS, INJECTED_SYNC_FAILURE } from './provisioning-sync';
export { loadSeed, SeedError, type SeedInput, type SeedObject } from './seed';
export { type EmulatorOptions, type RunningEmulator, startEmulator } from './server';
