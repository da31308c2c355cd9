import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeImage } from '../../../tests/support/image-entry';
import type { ImageEntry } from '../../shared/dataset';
import { AppError } from '../../shared/errors';
import { planOrRefuse, toExportError } from './export-errors';

let dir: string;
let template: ImageEntry;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guard-test-'));
  const source = join(dir, 'a.jpg');
  await writeFile(source, 'jpeg bytes');
  const s = await stat(source);
  template = makeImage('a', {
    source,
    width: 500,
    height: 500,
    bytes: s.size,
    mtimeMs: s.mtimeMs,
    caption: 'photo of TOK a cat',
    captionSource: 'user',
    status: 'edited',
    model: null,
    provider: null,
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const many = (n: number, over: Partial<ImageEntry>): ImageEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    ...template,
    id: `i${i}`,
    relPath: `p${i}.jpg`,
    exportName: `p${i}`,
    ...over,
  }));

async function refusal(images: ImageEntry[], trigger = 'TOK'): Promise<AppError> {
  const err = await planOrRefuse(images, trigger).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('planOrRefuse', () => {
  it('returns the plan when everything is in order', async () => {
    const plan = await planOrRefuse([template], 'TOK');
    expect(plan.items).toHaveLength(1);
  });

  it('names up to ten offenders and counts the rest', async () => {
    const err = await refusal(many(13, { caption: null }));
    expect(err.kind).toBe('validation');
    expect(err.message).toMatch(/^13 images still need a valid caption: p0\.jpg \(Needs a caption\.\), /u);
    expect(err.message).toMatch(/p9\.jpg \(Needs a caption\.\) and 3 more$/u);
    expect((err.details as { problems: unknown[] }).problems).toHaveLength(13);
  });

  it('explains caption and source problems together, in the singular when there is one', async () => {
    const images = [
      { ...template, caption: 'photo of TOK' },
      { ...template, id: 'b', relPath: 'b.jpg', exportName: 'b', source: join(dir, 'nope.jpg') },
    ];
    const err = await refusal(images);
    expect(err.message).toBe(
      '1 image still needs a valid caption: a.jpg (Caption must start with "photo of TOK" (trigger word case as typed).); ' +
        '1 original file is missing or unreadable: b.jpg (The original file is missing (moved, renamed or deleted).)',
    );
  });

  it('refuses an invalid trigger word and an empty export', async () => {
    expect((await refusal([template], 'a b')).message).toMatch(/Trigger word/u);
    expect((await refusal([{ ...template, excluded: true }])).message).toMatch(/^Nothing to export/u);
  });
});

describe('toExportError', () => {
  it('maps file system errors to plain io messages and keeps AppErrors', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' });
    expect(toExportError(enospc, '/x/out.zip').toEnvelope()).toEqual({
      kind: 'io',
      message: 'Export failed: "/x/out.zip" cannot be written: the disk is full.',
    });
    const own = new AppError('validation', 'no');
    expect(toExportError(own, '/x')).toBe(own);
    const aborted = new AbortController();
    aborted.abort();
    expect(toExportError(new Error('whatever'), '/x', aborted.signal).kind).toBe('cancelled');
    expect(toExportError(new Error('bug'), '/x').kind).toBe('internal');
  });
});
