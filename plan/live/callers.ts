import { type ApiBody, type ApiCaller, createApiCaller } from '../../handlers/clients/call-api';
import { CLOUDSSO_VERSION } from '../../handlers/clients/cloudsso';
import { IMS_VERSION } from '../../handlers/clients/ims';
import type { Env } from '../../handlers/config';
import { createDeadline } from '../../handlers/deadline';
import { CloudError } from '../../handlers/errors';
import { createLogger } from '../../handlers/log';
import type { Credentials, Endpoint } from '../../sdk/credentials';
import { parseEndpointUrl } from '../../sdk/endpoint';
import { DEFAULT_RETRY } from '../../sdk/retry';

export const RAM_VERSION = '2015-05-01';
export const STS_VERSION = '2015-04-01';

/** Endpoints of the four services the plan reads (identity-effects.md §4.3); each overridable for tests. */
export interface PlanEndpoints {
  cloudsso: Endpoint;
  ims: Endpoint;
  ram: Endpoint;
  sts: Endpoint;
}

const override = (env: Env, name: string, fallback: string): Endpoint => {
  const value = env[name]?.trim();
  return value ? parseEndpointUrl(name, value) : { host: fallback, protocol: 'https' };
};

/** Throws an Error naming a bad override. */
export function planEndpoints(env: Env, region: string): PlanEndpoints {
  return {
    cloudsso: override(env, 'ROS_SSO_CLOUDSSO_ENDPOINT', `cloudsso.${region}.aliyuncs.com`),
    ims: override(env, 'ROS_SSO_IMS_ENDPOINT', 'ims.aliyuncs.com'),
    ram: override(env, 'ROS_SSO_RAM_ENDPOINT', 'ram.aliyuncs.com'),
    sts: override(env, 'ROS_SSO_STS_ENDPOINT', `sts.${region}.aliyuncs.com`),
  };
}

/** The whole plan's reads share one time budget. */
const BUDGET_MS = 5 * 60_000;

export interface Callers {
  cloudsso: ApiCaller;
  ims: ApiCaller;
  ram: ApiCaller;
  sts: ApiCaller;
  /** IMS and RAM as the given session (a member account entered through AssumeRole). */
  as(credentials: Credentials): { ims: ApiCaller; ram: ApiCaller };
}

export function createCallers(endpoints: PlanEndpoints, credentials: Credentials): Callers {
  const deadline = createDeadline({ endsAt: Date.now() + BUDGET_MS });
  // The handlers' logger, with nowhere to write: the plan's output is its report.
  const log = createLogger(() => {}, { fcRequestId: 'ros-sso-plan' });
  const caller = (product: string, version: string, endpoint: Endpoint, creds: Credentials) =>
    createApiCaller({ product, version, endpoint, credentials: creds, retry: DEFAULT_RETRY, deadline, log });
  return {
    cloudsso: caller('CloudSSO', CLOUDSSO_VERSION, endpoints.cloudsso, credentials),
    ims: caller('IMS', IMS_VERSION, endpoints.ims, credentials),
    ram: caller('RAM', RAM_VERSION, endpoints.ram, credentials),
    sts: caller('STS', STS_VERSION, endpoints.sts, credentials),
    as: (session) => ({
      ims: caller('IMS', IMS_VERSION, endpoints.ims, session),
      ram: caller('RAM', RAM_VERSION, endpoints.ram, session),
    }),
  };
}

/** A failed read in one line: the service's code and status, never a key or token. */
export function whyNotRead(err: unknown): string {
  if (err instanceof CloudError)
    return `${err.action}: ${err.code}${err.httpStatus ? ` (HTTP ${err.httpStatus})` : ''}`;
  return err instanceof Error ? err.message : String(err);
}

/** Pages of a list call: `next` picks the token out of a page, undefined when it is the last. */
export async function allPages(
  call: (token: string | undefined) => Promise<ApiBody>,
  next: (page: ApiBody) => string | undefined,
): Promise<ApiBody[]> {
  const pages: ApiBody[] = [];
  let token: string | undefined;
  // A runaway token loop ends here (100 pages of 100 to 1000 items each).
  for (let i = 0; i < 100; i++) {
    const page = await call(token);
    pages.push(page);
    token = next(page);
    if (token === undefined) return pages;
  }
  throw new Error('more than 100 pages: stopped');
}

export const cloudSsoNext = (page: ApiBody) =>
  page.IsTruncated === true && typeof page.NextToken === 'string' ? page.NextToken : undefined;
export const markerNext = (page: ApiBody) =>
  page.IsTruncated === true && typeof page.Marker === 'string' ? page.Marker : undefined;
