import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../../tests/support/fixtures';
import { defaultSettings } from '../core/workflow';
import { createSettingsFile } from './settings-file';

describe('preview settings file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir('caption-studio-settings-');
  });
  afterEach(() => removeDir(dir));

  it('starts from the defaults and keeps what is set, on disk too', async () => {
    const path = join(dir, 'nested', 'preview-settings.json');
    const file = createSettingsFile(path);
    expect(file.get()).toEqual(defaultSettings());
    file.set({ ...defaultSettings(), rpm: 77 });
    expect(file.get().rpm).toBe(77);
    await file.flush();
    expect(JSON.parse(await readFile(path, 'utf8')).rpm).toBe(77);
    expect(createSettingsFile(path).get().rpm).toBe(77);
  });

  it('fills missing or invalid fields from the defaults', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(path, JSON.stringify({ rpm: 50 }));
    expect(createSettingsFile(path).get()).toEqual({ ...defaultSettings(), rpm: 50 });
    await writeFile(path, JSON.stringify({ rpm: -1 }));
    expect(createSettingsFile(path).get()).toEqual(defaultSettings());
    await writeFile(path, '{ damaged');
    expect(createSettingsFile(path).get()).toEqual(defaultSettings());
  });
});
