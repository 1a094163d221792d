import { randomBytes } from 'node:crypto';
import type { PolicyDocument } from './policy-document';
import type { EmulatorCredential } from './signature';

/** An STS session made by AssumeRole: temporary keys that act as `roleName` in `accountId`. */
export interface RoleSession {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  accountId: string;
  roleName: string;
  roleId: string;
  sessionName: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** The AssumeRole `Policy`: the session may do only what both it and the role allow (SDK-STS). */
  sessionPolicy?: PolicyDocument;
  sourceIdentity?: string;
}

export type NewSession = Omit<RoleSession, 'accessKeyId' | 'accessKeySecret' | 'securityToken'>;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomText(length: number): string {
  return [...randomBytes(length)].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
}

/**
 * Every key the emulator accepts: the configured long-term keys and the STS sessions issued since it
 * started. Sessions live in memory only (a local-mode command that ends takes its tokens with it).
 */
export class CredentialStore {
  private readonly keys: Map<string, EmulatorCredential>;
  private readonly sessions = new Map<string, RoleSession>();

  constructor(credentials: readonly EmulatorCredential[]) {
    this.keys = new Map(credentials.map((c) => [c.accessKeyId, c]));
  }

  /** The key as the signature check needs it (secret, token, account). */
  find(accessKeyId: string): EmulatorCredential | undefined {
    const session = this.sessions.get(accessKeyId);
    if (session === undefined) return this.keys.get(accessKeyId);
    return {
      accessKeyId: session.accessKeyId,
      accessKeySecret: session.accessKeySecret,
      securityToken: session.securityToken,
      accountId: session.accountId,
    };
  }

  session(accessKeyId: string): RoleSession | undefined {
    return this.sessions.get(accessKeyId);
  }

  /** A long-term key of a RAM user, for IMS GetUser's `UserAccessKeyId`. */
  longTermKey(accessKeyId: string): EmulatorCredential | undefined {
    return this.keys.get(accessKeyId);
  }

  /** Issues fresh temporary keys; the token is long and opaque, like the service's (no length limit, SDK-STS). */
  issue(fields: NewSession): RoleSession {
    const session: RoleSession = {
      ...fields,
      accessKeyId: `STS.${randomText(24)}`,
      accessKeySecret: randomText(40),
      securityToken: `CAIS${randomBytes(240).toString('base64')}`,
    };
    this.sessions.set(session.accessKeyId, session);
    return session;
  }
}
