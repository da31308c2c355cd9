#!/usr/bin/env node
// Runs a command for the test suite with a private, unlocked OS keychain on Linux, so keychain tests exercise the
// real Secret Service without touching the developer's own keyring. On macOS and Windows the command runs as is
// (their keychains need no daemon). Usage: node scripts/with-test-env.mjs <command> [args...]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error('usage: with-test-env.mjs <command> [args...]');
  process.exit(2);
}

const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
const env = { ...process.env };
let argv = [cmd, ...args];
let scratch;

if (process.platform === 'linux' && has('dbus-run-session') && has('gnome-keyring-daemon')) {
  scratch = mkdtempSync(join(tmpdir(), 'caption-studio-keyring-'));
  for (const name of ['XDG_DATA_HOME', 'XDG_RUNTIME_DIR', 'XDG_CACHE_HOME', 'XDG_CONFIG_HOME']) {
    env[name] = join(scratch, name.toLowerCase());
    mkdirSync(env[name], { recursive: true, mode: 0o700 });
  }
  env.CAPTION_STUDIO_TEST_KEYRING = '1';
  const quoted = argv.map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ');
  argv = [
    'dbus-run-session',
    '--',
    'sh',
    '-c',
    `echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec ${quoted}`,
  ];
} else if (process.platform === 'linux') {
  console.warn('with-test-env: no dbus-run-session/gnome-keyring-daemon; keychain tests will report as skipped');
}

// Windows resolves npm-installed commands (vitest.cmd) only through a shell.
const result = spawnSync(argv[0], argv.slice(1), { stdio: 'inherit', env, shell: process.platform === 'win32' });
if (scratch) rmSync(scratch, { recursive: true, force: true });
process.exit(result.status ?? 1);
