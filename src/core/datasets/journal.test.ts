import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatasetManifest } from '../../shared/dataset';
import { DEFAULT_EXPORT_CHOICE } from '../../shared/export-presets';
import { appendJournal, applyJournal, type JournalEntry, readJournal } from './journal';
import { SAMPLE_SETTINGS, sampleImages } from './testing';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cs-journal-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const BASE = '2026-01-01T00:00:00.000Z';
let steps = 0;
const line = (image: string, caption: string, base = BASE, at = '2026-01-01T00:00:01.000Z'): JournalEntry => ({
  base,
  at,
  step: { id: `s${steps++}`, action: 'typed', model: null, target: null },
  changes: [{ image, patch: { caption, status: 'edited', captionSource: 'user' }, before: { caption: null } }],
});

function manifest(): DatasetManifest {
  return {
    ...{ version: 1, id: 's1', name: 'S', trigger: 'sks_person', createdAt: BASE, updatedAt: BASE },
    ...{ roots: ['/x'], settings: SAMPLE_SETTINGS, images: sampleImages(3), skipped: [], batch: null },
    ...{ exportChoice: DEFAULT_EXPORT_CHOICE, trainings: [] },
  };
}

describe('readJournal', () => {
  it('returns nothing for a missing journal', async () => {
    expect(await readJournal(join(dir, 'none.jsonl'))).toMatchObject({ entries: [], exists: false, badLines: 0 });
  });

  it('reads appended lines and ignores a torn last line', async () => {
    const path = join(dir, 'j.jsonl');
    await appendJournal(path, line('img-00000', 'photo of sks_person a'));
    await appendJournal(path, line('img-00001', 'photo of sks_person b'));
    const complete = (await readJournal(path)).validBytes;
    await appendFile(path, '{"base":"2026-01-01T00:00:00.000Z","at":"2026-01-01T00:0');
    const read = await readJournal(path);
    expect(read.entries.map((e) => e.changes[0]?.image)).toEqual(['img-00000', 'img-00001']);
    expect(read).toMatchObject({ validBytes: complete, badLines: 0 });
    expect(read.tornBytes).toBeGreaterThan(0);
  });

  it('counts complete lines that fail JSON or the schema as bad, and keeps the good ones', async () => {
    const path = join(dir, 'j.jsonl');
    const good = JSON.stringify(line('img-00000', 'photo of sks_person a'));
    const step = line('img-00001', 'x');
    const unknownField = JSON.stringify({ ...step, changes: [{ ...step.changes[0], patch: { width: 3 } }] });
    await writeFile(path, `${good}\nnot json\n${unknownField}\n\n${good}\n`);
    const read = await readJournal(path);
    expect(read.entries).toHaveLength(2);
    expect(read.badLines).toBe(2);
    expect(read.tornBytes).toBe(0);
  });

  it('reads the lines 0.1 and 0.2 wrote (one image, no step) as steps of unknown origin with stable ids', async () => {
    const path = join(dir, 'j.jsonl');
    const legacy = {
      base: BASE,
      at: '2026-01-01T00:00:01.000Z',
      image: 'img-00000',
      patch: { caption: 'photo of a b' },
    };
    await writeFile(path, `${JSON.stringify(legacy)}\n${JSON.stringify(legacy)}\n`);
    const [first, second] = (await readJournal(path)).entries;
    expect(first).toMatchObject({
      base: BASE,
      step: { action: 'other' },
      changes: [{ image: 'img-00000', before: {} }],
    });
    expect(first?.step.id).not.toBe(second?.step.id);
    expect((await readJournal(path)).entries[0]?.step.id).toBe(first?.step.id);
  });
});

describe('applyJournal', () => {
  it('applies lines for this base in order, skips other bases and unknown images', () => {
    const m = manifest();
    const applied = applyJournal(m, [
      line('img-00001', 'photo of sks_person first'),
      line('img-00001', 'photo of sks_person second', BASE, '2026-01-01T00:00:02.000Z'),
      line('img-00002', 'photo of sks_person stale', '2025-12-31T00:00:00.000Z'),
      line('img-99999', 'photo of sks_person ghost'),
    ]);
    expect(applied).toBe(2);
    expect(m.images[1]).toMatchObject({ caption: 'photo of sks_person second', status: 'edited' });
    expect(m.images[2]?.caption).toBe(sampleImages(3)[2]?.caption);
    expect(m.updatedAt).toBe('2026-01-01T00:00:02.000Z');
  });

  it('is idempotent: replaying the same lines twice gives the same manifest', () => {
    const lines = [line('img-00000', 'photo of sks_person a'), line('img-00001', 'photo of sks_person b')];
    const once = manifest();
    applyJournal(once, lines);
    const twice = manifest();
    applyJournal(twice, [...lines, ...lines]);
    expect(twice).toEqual(once);
  });
});
