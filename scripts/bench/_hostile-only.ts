import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, writeHostileCases } from './hostile-cases';
const dir = mkdtempSync(join(tmpdir(), 'h12-'));
const cli = process.argv[2] ?? join(process.cwd(), 'bin', 'ros-sso.js');
for (const c of writeHostileCases(dir)) {
  const r = runCli(cli, c.args, dir, { timeoutMs: Number(process.env.TO ?? 60000), maxOldSpaceMb: 1024 });
  console.log(`${c.name}: ${r.ms.toFixed(0)} ms ${r.signal ?? 'exit ' + r.status} (want ${c.exit}) ${r.stderr.slice(0, 100).trim()}`);
}
