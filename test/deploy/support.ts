import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { BIN, type CliResult } from '../support/cli';
import type { FakeFc } from './fake-fc';
import { tempDir } from '../support/temp';

/** A stored (uncompressed) zip of the given files; enough for FC, which only needs valid base64. */
export function makeZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const HANDLER_JS = 'exports.handler = async (event, context) => ({ ok: true });\n';

/** A project directory with `dist/fc/code.zip` (the default --zip), as `npm run package` leaves it. */
export function projectWithZip(zip: Buffer = makeZip({ 'index.js': HANDLER_JS })): string {
  const dir = tempDir('ros-sso-deploy-');
  const path = join(dir, 'dist', 'fc', 'code.zip');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, zip);
  return dir;
}

/** The credentials of the fake server, as the environment variables the CLI reads. */
export function credentialEnv(fc: FakeFc): Record<string, string> {
  return {
    ALIBABA_CLOUD_ACCESS_KEY_ID: fc.credential.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: fc.credential.accessKeySecret,
    ...(fc.credential.securityToken === undefined
      ? {}
      : { ALIBABA_CLOUD_SECURITY_TOKEN: fc.credential.securityToken }),
  };
}

/** The environment without any real Alibaba Cloud settings of the machine running the tests. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && !key.startsWith('ALIBABA_CLOUD_')) env[key] = value;
  return { ...env, ...extra };
}

/**
 * `node bin/ros-sso.js …` as a child process, asynchronously: the fake FC server runs in this
 * process, so `spawnSync` (test/support/cli.ts) would block the server that must answer.
 */
export function runCliAsync(
  args: readonly string[],
  cwd: string,
  env: Record<string, string>,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
