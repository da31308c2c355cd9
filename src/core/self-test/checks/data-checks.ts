import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../fs/atomic';
import type { Check } from '../runner';

/**
 * The app data folder and the datasets in it, opened as the app opens them. The folder is created when missing
 * (as the app would on first use); a probe file written the app's durable way (temp file, fsync, rename) and
 * removed again shows it is writable. Listing the datasets reads every manifest, as the start screen does.
 */

export function dataFolderCheck(dataDir: string): Check {
  return {
    name: 'data folder',
    async run() {
      await mkdir(dataDir, { recursive: true });
      const probe = join(dataDir, `.self-test-${process.pid}`);
      try {
        await writeFileAtomic(probe, 'ok');
        if ((await readFile(probe, 'utf8')) !== 'ok') throw new Error(`${probe} did not read back`);
      } finally {
        await rm(probe, { force: true });
      }
      return `${dataDir} (writable)`;
    },
  };
}

export function datasetsCheck(dataDir: string): Check {
  return {
    name: 'datasets',
    async run() {
      const { createDatasetStore } = await import('../../datasets');
      const { datasetLayout } = await import('../../datasets/layout');
      const { root } = datasetLayout({ dataDir });
      await mkdir(root, { recursive: true });
      // Listing only reads, so the store is not closed (closing may fold journals into manifests, a write).
      const datasets = await createDatasetStore({ dataDir }).list();
      const broken = datasets.filter((d) => d.broken).length;
      const unreadable = broken > 0 ? `, ${broken} unreadable (the app lists them with the reason)` : '';
      return `${datasets.length} dataset${datasets.length === 1 ? '' : 's'} in ${root}${unreadable}`;
    },
  };
}
