// `npm run package`: dist/fc/code.zip for Function Compute (runtime nodejs20, Handler index.handler).
// The handler bundle is already one minified CommonJS file with the precompiled schema validators and
// the SDK core inside, so the zip holds exactly one entry, index.js. Plain JavaScript, and zip written
// by hand with node:zlib (about 40 lines) rather than a dependency for one file.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { crc32, deflateRawSync } = require('node:zlib');

const root = join(__dirname, '..');

// Fixed time stamp (1980-01-01 00:00, the zip epoch) so the same bundle always gives the same zip.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A zip archive of `entries` ({ name, data }) with deflated members; readable by FC, unzip and Python. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const body = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); // local file header
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // flags: UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); // central directory header
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0 (so the mode below counts)
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); // end of central directory
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function main() {
  const bundle = join(root, 'dist', 'handlers', 'index.js');
  let code;
  try {
    code = readFileSync(bundle);
  } catch {
    process.stderr.write(`package: ${relative(root, bundle)} is missing; run npm run build first\n`);
    process.exit(1);
  }
  const archive = zip([{ name: 'index.js', data: code }]);
  const out = join(root, 'dist', 'fc', 'code.zip');
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(out, archive);
  const sha = createHash('sha256').update(archive).digest('hex');
  process.stdout.write(
    `${relative(root, out)}: index.js ${(code.length / 1024).toFixed(0)} KB, zip ${(archive.length / 1024).toFixed(0)} KB, sha256 ${sha}\n`,
  );
}

if (require.main === module) main();
module.exports = { zip };
