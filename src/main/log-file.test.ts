import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, resetElectronMock } from '../../tests/support/electron/electron-mock';
import { ARCHIVE_FILE_NAME, createAppLogger, createRotatingFile, LOG_FILE_NAME, logDir } from './log-file';

const KEY = `AIza${'k'.repeat(35)}`;
let logs: string;

beforeEach(async () => {
  resetElectronMock();
  logs = await mkdtemp(join(tmpdir(), 'cs-logs-'));
  app.paths.logs = logs;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(logs, { recursive: true, force: true });
});

describe('the log file', () => {
  it('is written to the app log folder with no API key, no key in a URL and no home-directory path', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const env = { GEMINI_API_KEY: 'gemini-env-secret', GOOGLE_API_KEY: 'google-env-secret' };
    const log = createAppLogger(env);
    const home = join(homedir(), 'Pictures', 'dataset', 'a.jpg');
    log.error(`Request to https://generativelanguage.googleapis.com/v1/models?key=${KEY}&alt=sse failed`);
    log.warn(`Could not read ${home}`, new Error('env keys gemini-env-secret google-env-secret'));
    log.info('?key=raw-non-google-secret', { path: home });

    const text = await readFile(join(logs, LOG_FILE_NAME), 'utf8');
    const printed = stderr.mock.calls.map((c) => String(c[0])).join('');
    for (const output of [text, printed]) {
      expect(output).toContain('Request to https://generativelanguage.googleapis.com');
      expect(output).toContain('~/Pictures/dataset/a.jpg');
      for (const secret of [KEY, 'gemini-env-secret', 'google-env-secret', 'raw-non-google-secret', homedir()])
        expect(output).not.toContain(secret);
    }
    expect(text.match(/\[caption-studio\]/g)).toHaveLength(3);
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z \[caption-studio\] error /);
  });

  it('rotates into one archive when it would pass the size limit', async () => {
    const write = createRotatingFile({ dir: () => logs, maxBytes: 100 });
    for (let i = 0; i < 10; i++) write(`line ${i} ${'x'.repeat(30)}`);
    expect((await readdir(logs)).sort()).toEqual([LOG_FILE_NAME, ARCHIVE_FILE_NAME].sort());
    const current = await readFile(join(logs, LOG_FILE_NAME), 'utf8');
    const archive = await readFile(join(logs, ARCHIVE_FILE_NAME), 'utf8');
    expect(Buffer.byteLength(current)).toBeLessThanOrEqual(100);
    expect(current).toContain('line 9');
    expect(archive).toContain('line 7');
  });

  it("uses the data-folder override for test runs, else Electron's log folder", () => {
    expect(logDir({})).toBe(logs);
    expect(logDir({ CAPTION_STUDIO_DATA_DIR: '/tmp/cs-data' })).toBe(join('/tmp/cs-data', 'logs'));
  });

  it('never throws when the folder cannot be used', () => {
    const write = createRotatingFile({
      dir: () => {
        throw new Error('no logs path');
      },
    });
    expect(() => write('hello')).not.toThrow();
  });
});
