import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBuilderConfig, REPO } from './load-builder-config';

/**
 * The GitHub Actions workflows: valid against the official workflow schema (action-validator, the same check CI
 * runs), and the properties issue 4 asks for, pinned so an edit cannot drop them silently.
 */
const WORKFLOWS = join(REPO, '.github/workflows');
const VALIDATOR = join(REPO, 'node_modules/@action-validator/cli/cli.mjs');
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  strategy?: { matrix: { os?: string[]; include?: Array<Record<string, string>> } };
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const load = (file: string): Workflow => yaml.load(readFileSync(join(WORKFLOWS, file), 'utf8')) as Workflow;
const validate = (path: string) => spawnSync(process.execPath, [VALIDATOR, path], { encoding: 'utf8' });
const runs = (job: Job | undefined) => (job?.steps ?? []).map((s) => s.run ?? '').join('\n');

const ci = load('ci.yml');
const release = load('release.yml');
const FILES = { 'ci.yml': ci, 'release.yml': release };

describe('workflow files are valid (action-validator, official schema)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'caption-studio-workflows-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each(Object.keys(FILES))('%s passes', (file) => {
    const result = validate(join(WORKFLOWS, file));
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('the validator really rejects a broken workflow', () => {
    const broken = join(scratch, 'broken.yml');
    writeFileSync(broken, readFileSync(join(WORKFLOWS, 'ci.yml'), 'utf8').replace('runs-on:', 'runs-onn:'));
    const result = validate(broken);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("Additional property 'runs-onn' is not allowed");
  });
});

describe('ci.yml', () => {
  it('runs on pushes and pull requests', () => {
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
  });

  it('lints, type-checks and runs both security checks', () => {
    const script = runs(ci.jobs.checks);
    for (const command of [
      'npm run typecheck',
      'npm run lint',
      'node scripts/security-scan.mjs',
      'npm audit --omit=dev --audit-level=high',
    ]) {
      expect(script).toContain(command);
    }
  });

  it('tests on Linux, macOS and Windows with Node 24, each with a Chrome path that matches its OS', () => {
    const test = ci.jobs.test;
    expect(test?.strategy?.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    expect(ci.env?.NODE_VERSION).toBe('24');
    expect(test?.env?.CHROMIUM_PATH).toMatch(/^\$\{\{ matrix\.chrome \}\}$/);
    const chrome = Object.fromEntries((test?.strategy?.matrix.include ?? []).map((i) => [i.os, i.chrome]));
    expect(chrome['ubuntu-latest']).toMatch(/^\/usr\/bin\//);
    expect(chrome['macos-latest']).toMatch(/^\/Applications\/.*\.app\/Contents\/MacOS\//);
    expect(chrome['windows-latest']).toMatch(/^C:\\.*\.exe$/);
    const script = runs(test);
    for (const command of ['npm ci', 'npm run build', 'npm run test:unit', 'npm run test:e2e']) {
      expect(script).toContain(command);
    }
  });

  it('runs the Electron suite under Xvfb on Linux, with a real binary and user namespaces allowed', () => {
    const electron = ci.jobs.electron;
    expect(electron?.['runs-on']).toBe('ubuntu-latest');
    const script = runs(electron);
    expect(script).toContain('npx install-electron');
    expect(script).toContain('sysctl -w kernel.apparmor_restrict_unprivileged_userns=0');
    expect(script).toMatch(/xvfb-run .*npm run test:electron/);
  });
});

describe('ci.yml: the packaged app checks itself', () => {
  const job = ci.jobs['self-test'];
  const steps = job?.steps ?? [];
  const include = job?.strategy?.matrix.include ?? [];
  const byOs = Object.fromEntries(include.map((i) => [i.os, i]));
  const { productName } = loadBuilderConfig();
  const { name: executable } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string };
  const indexOf = (pattern: RegExp) => steps.findIndex((s) => pattern.test(s.run ?? ''));
  /** The expression GitHub replaces with the matrix entry's value. */
  const matrixValue = (key: string) => `\${{ matrix.${key} }}`;

  it('packages with electron-builder --dir on Linux, macOS and Windows, for the runner’s own architecture', () => {
    expect(include.map((i) => i.os)).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    expect(include.map((i) => [i.platform, i.arch])).toEqual([
      ['--linux', '--x64'],
      ['--mac', '--arm64'],
      ['--win', '--x64'],
    ]);
    const build = indexOf(/^npm run build$/);
    const pack = indexOf(/npx electron-builder "\$PLATFORM" dir "\$ARCH" --publish never/);
    expect(build).toBeGreaterThan(-1);
    expect(pack).toBeGreaterThan(build);
    expect(steps[pack]?.env).toMatchObject({ PLATFORM: matrixValue('platform'), ARCH: matrixValue('arch') });
  });

  it('points at the executable electron-builder writes on each OS', () => {
    // --dir output folders are named per platform and arch; the executable after productName (package.json's
    // name on Linux).
    expect(byOs['ubuntu-latest']?.binary).toBe(`release/linux-unpacked/${executable}`);
    expect(byOs['macos-latest']?.binary).toBe(`release/mac-arm64/${productName}.app/Contents/MacOS/${productName}`);
    expect(byOs['windows-latest']?.binary).toBe(`release/win-unpacked/${productName}.exe`);
    expect(byOs['ubuntu-latest']?.resources).toBe('release/linux-unpacked/resources');
    expect(byOs['macos-latest']?.resources).toBe(`release/mac-arm64/${productName}.app/Contents/Resources`);
    expect(byOs['windows-latest']?.resources).toBe('release/win-unpacked/resources');
    expect(job?.env?.BINARY).toBe(matrixValue('binary'));
  });

  it('runs the packaged binary with --self-test after packaging, under Xvfb on Linux, with its own data folder', () => {
    const pack = indexOf(/npx electron-builder/);
    const selfTest = indexOf(/"\$BINARY" --self-test/);
    expect(selfTest).toBeGreaterThan(pack);
    const step = steps[selfTest];
    expect(step?.if).toBeUndefined(); // every OS
    expect(step?.run).toMatch(/xvfb-run [^\n]*"\$BINARY" --self-test/);
    expect(step?.run).toMatch(/else\s+"\$BINARY" --self-test\s+fi/);
    expect(step?.env?.CAPTION_STUDIO_DATA_DIR).toContain('runner.temp');
    expect(indexOf(/sysctl -w kernel.apparmor_restrict_unprivileged_userns=0/)).toBeLessThan(selfTest);
  });

  it('then checks that a damaged installation (a sample image removed) exits 1', () => {
    const damaged = steps.findIndex((s) => /rm "\$RESOURCES\/self-test\//.test(s.run ?? ''));
    expect(damaged).toBeGreaterThan(indexOf(/"\$BINARY" --self-test/));
    expect(steps[damaged]?.run).toMatch(/test "\$status" -eq 1/);
  });
});

describe('release.yml', () => {
  it('runs only for pushed v* tags and may write releases', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    expect(release.permissions).toEqual({ contents: 'write' });
  });

  it('builds on all three platforms and publishes with electron-builder', () => {
    const include = release.jobs.build?.strategy?.matrix.include ?? [];
    expect(include.map((i) => i.os).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    expect(runs(release.jobs.build)).toContain('npx electron-builder "$PLATFORM" --publish always');
  });
});

describe.each(Object.entries(FILES))('%s hygiene', (_file, workflow) => {
  const jobs = Object.values(workflow.jobs);
  const steps = jobs.flatMap((j) => j.steps);

  it('pins every action to a major version', () => {
    for (const step of steps.filter((s) => s.uses)) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
  });

  it('never puts a secret into a script or echoes one', () => {
    // Secrets reach scripts through env only (masked there); a `${{ secrets.X }}` inside `run:` would be pasted
    // into the script text itself, and echoing a secret-carrying variable would print it.
    const secretVars = [workflow.env, ...jobs.map((j) => j.env), ...steps.map((s) => s.env)]
      .flatMap((env) => Object.entries(env ?? {}))
      .filter(([, value]) => String(value).includes('secrets.'))
      .map(([name]) => name);
    for (const step of steps) {
      const script = step.run ?? '';
      expect(script).not.toContain('secrets.');
      for (const name of secretVars) {
        expect(script).not.toMatch(new RegExp(`(echo|printf|tee)[^\\n]*\\$\\{?!?${name}\\b`));
      }
    }
  });
});
