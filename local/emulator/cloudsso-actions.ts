import type { ActionTable } from './action-context';
import { cloudSsoDirectoryActions } from './cloudsso-directory-actions';
import { cloudSsoProvisioningActions } from './cloudsso-provisioning-actions';

export const CLOUDSSO_VERSION = '2021-05-15';

/** Every CloudSSO 2021-05-15 action the emulator answers, by its `x-acs-action` name. */
export const cloudSsoActions: ActionTable = { ...cloudSsoDirectoryActions, ...cloudSsoProvisioningActions };
