// Runs every benchmark in bench/ one after another (each in its own process, so memory figures do not mix).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const benches = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'run-all.ts' && !f.startsWith('_'));
let failed = 0;
for (const file of benches.sort()) {
  process.stdout.write(`\n### ${file}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, file), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
