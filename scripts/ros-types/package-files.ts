import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One ROS CDK service package, read from an npm tarball or an unpacked directory. */
export interface CdkPackage {
  name: string;
  version: string;
  /** Where it was read from, for the generated header. */
  from: string;
  /** sha256 of the tarball, when read from one. */
  sha256?: string;
  /** The generated modules: `lib/<svc>.generated.js` and `lib/datasource/<svc>.generated.js` (or `.ts`). */
  modules: Array<{ path: string; text: string }>;
}

const GENERATED = /^lib\/(?:datasource\/)?[^/]+\.generated\.(?:js|ts)$/;

/**
 * The regular files of a tar archive (ustar, as npm writes it): 512-byte headers, each followed
 * by the file's data padded to 512 bytes. About 20 lines instead of a dependency.
 */
export function untar(archive: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let longName: string | undefined;
  for (let at = 0; at + 512 <= archive.length;) {
    const header = archive.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, length: number) =>
      header
        .subarray(from, from + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const kind = String.fromCharCode(header[156] || 48);
    const prefix = field(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    const data = archive.subarray(at + 512, at + 512 + size);
    longName = undefined;
    if (kind === 'L') longName = data.toString('utf8').replace(/\0.*$/s, '');
    else if (kind === '0' || kind === '7') files.set(name, data);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** Package files keyed by their path inside the package (npm tarballs put everything under `package/`). */
function fromTarball(file: string): CdkPackage {
  const raw = readFileSync(file);
  const files = new Map<string, Buffer>();
  for (const [name, data] of untar(gunzipSync(raw))) files.set(name.replace(/^[^/]+\//, ''), data);
  const sha256 = createHash('sha256').update(raw).digest('hex');
  return packageOf(basename(file), files, sha256);
}

function fromDirectory(dir: string): CdkPackage {
  const files = new Map<string, Buffer>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(relative(dir, full).split('\\').join('/'), readFileSync(full));
    }
  };
  walk(dir);
  return packageOf(dir, files);
}

function packageOf(from: string, files: Map<string, Buffer>, sha256?: string): CdkPackage {
  const manifest = files.get('package.json');
  if (!manifest) throw new Error(`${from}: no package.json`);
  const { name, version } = JSON.parse(manifest.toString('utf8')) as { name: string; version: string };
  const modules = [...files]
    .filter(([path]) => GENERATED.test(path) && !path.endsWith('.d.ts'))
    .map(([path, data]) => ({ path, text: data.toString('utf8') }))
    .sort((a, b) => a.path.localeCompare(b.path));
  return { name, version, from, sha256, modules };
}

/**
 * The packages under `input`: a `.tgz`, a package directory (with `package.json`), or a directory
 * of those (searched one level deep).
 */
export function readPackages(input: string): CdkPackage[] {
  if (statSync(input).isFile()) return [fromTarball(input)];
  try {
    statSync(join(input, 'package.json'));
    return [fromDirectory(input)];
  } catch {
    // Not a package itself: a folder of packages.
  }
  const out: CdkPackage[] = [];
  for (const entry of readdirSync(input, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const full = join(input, entry.name);
    if (entry.isFile() && /\.tgz$/.test(entry.name)) out.push(fromTarball(full));
    else if (entry.isDirectory())
      try {
        statSync(join(full, 'package.json'));
        out.push(fromDirectory(full));
      } catch {
        // neither a package nor a tarball: ignored
      }
  }
  return out;
}
