import { spawnSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../support/fixtures';

/**
 * The layer rule (.dependency-cruiser.cjs) run on a small tree that breaks each rule once, so a rule that stopped
 * matching (a typo in a path pattern, a parser that misses type-only imports) fails here instead of letting every
 * future violation through. `npm run check:layers` runs the same config on the real tree.
 */
const REPO = resolve(import.meta.dirname, '../..');
const DEPCRUISE = join(REPO, 'node_modules', '.bin', process.platform === 'win32' ? 'depcruise.cmd' : 'depcruise');

const TREE: Record<string, string> = {
  'src/shared/caption.ts': "import { x } from '../core/datasets';\nexport const y = x;\n",
  'src/shared/hashing.ts': "import { createHash } from 'node:crypto';\nexport const h = createHash;\n",
  'src/core/datasets/index.ts': "export { x } from './store';\n",
  'src/core/datasets/store.ts': "import { app } from 'electron';\nexport const x = app;\n",
  'src/core/exporter/index.ts':
    "import { x } from '../datasets/store';\nimport { m } from '../../main/menu';\nexport const e = [x, m];\n",
  'src/main/menu.ts': "import { q } from '../cli/index';\nexport const m = q;\n",
  'src/cli/index.ts':
    "import { x } from '../core/datasets/store';\nimport { app } from 'electron';\nexport const q = [x, app];\n",
  'src/preload/index.ts': "import { x } from '../core/datasets';\nexport const p = x;\n",
  'src/renderer/src/App.tsx':
    "import type { Handlers } from '../../core/handlers';\nimport { readFile } from 'node:fs';\nexport type A = Handlers;\nexport const r = readFile;\n",
  'src/core/handlers/index.ts': "import { b } from './b';\nexport type Handlers = { a: 1 };\nexport const a = b;\n",
  'src/core/handlers/b.ts': "import { a } from './index';\nexport const b = () => a;\n",
  'tests/integration/thing.test.ts': "import { x } from '../../src/core/datasets/store';\nexport const t = x;\n",
};

let dir: string;
let output: string;
let status: number | null;

beforeAll(async () => {
  dir = await tempDir('cs-layers-');
  for (const [path, text] of Object.entries(TREE)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  // `electron` resolves to the real package, as in the repository.
  await symlink(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'junction');
  const run = spawnSync(DEPCRUISE, ['src', 'tests', '--config', join(REPO, '.dependency-cruiser.cjs')], {
    cwd: dir,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  output = `${run.stdout}${run.stderr}`;
  status = run.status;
});
afterAll(() => removeDir(dir));

describe('the layer rule', () => {
  it.each([
    ['shared-imports-nothing-of-ours', 'src/shared/caption.ts → src/core/datasets/index.ts'],
    ['shared-is-pure', 'src/shared/hashing.ts → crypto'],
    ['core-never-imports-electron', 'src/core/datasets/store.ts → ', 'node_modules/electron/'],
    ['core-imports-shared-and-libraries', 'src/core/exporter/index.ts → src/main/menu.ts'],
    ['import-core-modules-through-their-index', 'src/core/exporter/index.ts → src/core/datasets/store.ts'],
    ['doors-import-core-and-shared', 'src/main/menu.ts → src/cli/index.ts'],
    ['doors-import-core-modules-through-their-index', 'src/cli/index.ts → src/core/datasets/store.ts'],
    ['only-main-and-preload-import-electron', 'src/cli/index.ts → ', 'node_modules/electron/'],
    ['preload-imports-shared', 'src/preload/index.ts → src/core/datasets/index.ts'],
    ['renderer-imports-shared-and-itself', 'src/renderer/src/App.tsx → src/core/handlers/index.ts'],
    ['renderer-has-no-node', 'src/renderer/src/App.tsx → fs'],
    ['tests-import-core-modules-through-their-index', 'tests/integration/thing.test.ts → src/core/datasets/store.ts'],
    ['no-circular', 'src/core/handlers/'],
  ] as Array<[string, string, string?]>)('%s fails the check and is named', (rule, edge, target = '') => {
    const line = output.split('\n').find((l) => l.includes(`error ${rule}:`) && l.includes(edge) && l.includes(target));
    expect(line, output).toBeDefined();
  });

  it('exits non-zero, so npm test stops', () => {
    expect(status).not.toBe(0);
  });
});
