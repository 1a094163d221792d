import type { Endpoint } from './credentials';

/** A loopback host name: the only one plain http may go to (tests, the local emulator). */
export function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    hostname === '::1' ||
    /^127\.\d+\.\d+\.\d+$/.test(hostname)
  );
}

/** A full URL override (`name` is the variable or option, for the message); http only to loopback. */
export function parseEndpointUrl(name: string, value: string): Endpoint {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} is not a URL: expected https://host[:port]`);
  }
  if (url.protocol === 'https:') return { host: url.host, protocol: 'https' };
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return { host: url.host, protocol: 'http' };
  throw new Error(`${name} must be an https URL (plain http only for a loopback host)`);
}

const LOOPBACK_HOST = /^(?:127(?:\.\d{1,3}){3}|localhost)(?::\d{1,5})?$/;

/**
 * `https://host[:port]`, a bare `host[:port]` (HTTPS), or `http://` to a loopback host only: the
 * requests carry the AccessKey ID and the STS token, which must not cross a network in clear text.
 * Undefined for anything else (no path, no other scheme).
 */
export function parseHostOrUrl(value: string): Endpoint | undefined {
  const match = /^(?:(https?):\/\/)?([A-Za-z0-9.-]+(?::\d{1,5})?)\/?$/.exec(value.trim());
  if (match === null) return undefined;
  const host = match[2] ?? '';
  if (match[1] === 'http' && !LOOPBACK_HOST.test(host)) return undefined;
  return { protocol: match[1] === 'http' ? 'http' : 'https', host };
}
