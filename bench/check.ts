// The dataset check at 5,000 captioned images (hashes stored, as after an import), against loading the dataset
// alone (the floor any check pays), measured in the same run. Usage: npx tsx bench/check.ts [--images N]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkDataset } from '../src/core/check';
import { createDatasetStore } from '../src/core/datasets';
import { captionedDataset } from './_captioned-dataset';

const at = process.argv.indexOf('--images');
const IMAGES = at > 0 ? Number(process.argv[at + 1]) : 5000;
const TRIGGER = 'ide_main_hall';

const dataDir = await mkdtemp(join(tmpdir(), 'cs-bench-check-'));
try {
  const { id } = await captionedDataset(dataDir, IMAGES, TRIGGER);
  // A fresh store each time: nothing cached, as when the user opens the check after a restart.
  let t = performance.now();
  await createDatasetStore({ dataDir }).load(id);
  const loadMs = performance.now() - t;
  t = performance.now();
  const first = await checkDataset(createDatasetStore({ dataDir }), id);
  const firstMs = performance.now() - t;
  t = performance.now();
  await checkDataset(createDatasetStore({ dataDir }), id);
  const secondMs = performance.now() - t;

  const byRule = new Map<string, number>();
  for (const f of first.report.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  console.log(`dataset: ${IMAGES} captioned images; findings: ${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')}`);
  console.log(`load alone (baseline): ${loadMs.toFixed(1)} ms`);
  console.log(`check, first in the process (CLIP tokenizer built): ${firstMs.toFixed(1)} ms`);
  console.log(`check, again: ${secondMs.toFixed(1)} ms`);
  console.log(
    `ratio check/load: x${(firstMs / loadMs).toFixed(1)} (first), x${(secondMs / loadMs).toFixed(1)} (again)`,
  );
  console.log(firstMs < 2000 ? 'OK: the check takes under 2 seconds' : 'SLOW: over 2 seconds');
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
