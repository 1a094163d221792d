import OpenApi, { $OpenApiUtil, OpenApiUtil } from '@alicloud/openapi-core';
import * as $dara from '@darabonba/typescript';

/** What a test needs to reach the emulator (or any endpoint) as the official SDK would. */
export interface SdkTarget {
  host: string;
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export const CLOUDSSO = '2021-05-15';
export const IMS = '2019-08-15';
export const RAM = '2015-05-01';
export const STS = '2015-04-01';

export interface SdkResponse {
  body: Record<string, unknown>;
  headers: Record<string, string>;
  statusCode: number;
}

/** The error openapi-core throws for a 4xx/5xx answer (ClientError, ServerError, ThrottlingError). */
export interface SdkError extends Error {
  code: string;
  statusCode: number;
  data: Record<string, unknown>;
  requestId: string;
}

/**
 * One RPC call through openapi-core's generic `callApi`, with the transport facts of cloud-apis.md §1.
 * `headers` override the ones the SDK sets before signing (a fixed `x-acs-signature-nonce` or an old
 * `x-acs-date`), so a replayed or stale request is still one the SDK signed.
 */
export async function callSdk(
  target: SdkTarget,
  version: string,
  action: string,
  params: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<SdkResponse> {
  const client = new OpenApi(
    new $OpenApiUtil.Config({
      accessKeyId: target.accessKeyId,
      accessKeySecret: target.accessKeySecret,
      ...(target.securityToken === undefined ? {} : { securityToken: target.securityToken }),
      endpoint: target.host,
      protocol: 'http',
    }),
  );
  const apiParams = new $OpenApiUtil.Params({
    action,
    version,
    protocol: 'HTTP',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
  const request = new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query(params), headers });
  return (await client.callApi(apiParams, request, new $dara.RuntimeOptions({}))) as SdkResponse;
}

/** Runs a call that must fail and returns the SDK's error; fails the test if it succeeds. */
export async function sdkError(call: Promise<unknown>): Promise<SdkError> {
  try {
    await call;
  } catch (err) {
    return err as SdkError;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
