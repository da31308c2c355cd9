// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { makeImage } from '../../../../tests/support/image-entry';
import type { DatasetManifest } from '../../../shared/dataset';
import { DEFAULT_EXPORT_CHOICE } from '../../../shared/export-presets';
import { move } from '../actions/navigation';
import { visibleIds } from './visible';
import { currentImage, useWorkspace } from './workspace';

const manifest = (images = [makeImage('a'), makeImage('b', { status: 'new', caption: null }), makeImage('c')]) =>
  ({
    version: 1,
    id: 's1',
    name: 'Dogs',
    trigger: 'TOK',
    createdAt: '',
    updatedAt: '',
    roots: [],
    settings: {
      ...{ provider: 'gemini', baseUrl: null, model: 'm', fallbackModels: [], prompt: 'p' },
      ...{ concurrency: 1, rpm: 1, downscale: 1024 },
    },
    images,
    skipped: [],
    batch: null,
    exportChoice: DEFAULT_EXPORT_CHOICE,
    trainings: [],
  }) satisfies DatasetManifest;

const ws = () => useWorkspace.getState();

describe('workspace store', () => {
  beforeEach(() => ws().load(manifest()));

  it('opens on the first image with it selected', () => {
    expect(ws().currentId).toBe('a');
    expect([...ws().selected]).toEqual(['a']);
    expect(ws().dataset?.trigger).toBe('TOK');
  });

  it('replaces one image in place when main reports a change', () => {
    const before = ws().images;
    ws().upsertImage(makeImage('b', { caption: 'photo of TOK a dog', status: 'captioned' }));
    expect(ws().images).not.toBe(before);
    expect(ws().images[1]?.status).toBe('captioned');
    ws().upsertImage(makeImage('zzz'));
    expect(ws().images).toHaveLength(3);
  });

  it('switching to a filter the current image is not in shows its first image', () => {
    ws().setFilter('needs');
    expect(ws().currentId).toBe('b');
    ws().setFilter('all');
    expect(ws().currentId).toBe('b');
  });

  it('marks run targets queued without overriding one already captioning', () => {
    ws().setTransient('a', 'captioning');
    ws().markQueued(['a', 'b']);
    expect(ws().transient).toEqual({ a: 'captioning', b: 'queued' });
    ws().setTransient('a', null);
    expect(ws().transient).toEqual({ b: 'queued' });
    ws().clearTransient();
    expect(ws().transient).toEqual({});
  });

  it('keeps the selection across a refresh and drops what disappeared', () => {
    ws().select('c');
    ws().refresh(manifest([makeImage('a'), makeImage('c'), makeImage('d')]));
    expect(currentImage(ws())?.id).toBe('c');
    ws().select('a');
    ws().refresh(manifest([makeImage('c')]));
    expect(ws().currentId).toBe('c');
  });

  it('updates exclusion locally (optimistic) for several images', () => {
    ws().setExcludedLocal(['a', 'c'], true);
    expect(
      ws()
        .images.filter((i) => i.excluded)
        .map((i) => i.id),
    ).toEqual(['a', 'c']);
  });

  it('a search moves the editor to its first match and drops hidden images from the selection', () => {
    ws().select('a');
    ws().select('c', 'toggle');
    ws().setQuery('"called c"');
    expect(visibleIds(ws())).toEqual(['c']);
    expect(ws().currentId).toBe('c');
    expect([...ws().selected]).toEqual(['c']);
    ws().setQuery('called -"called c"');
    expect(ws().currentId).toBe('a');
    ws().setQuery('nothing like this');
    expect(ws().currentId).toBeNull();
  });

  it('Ctrl/Cmd+A selects what is shown, within the filter and the search', () => {
    ws().setFilter('needs');
    ws().selectVisible();
    expect([...ws().selected]).toEqual(['b']);
    ws().setFilter('all');
    ws().setQuery('-b.jpg');
    ws().selectVisible();
    expect([...ws().selected]).toEqual(['a', 'c']);
  });

  it('Shift with a moving key extends the selection from where it started, in the order shown', () => {
    ws().setSort({ key: 'added', descending: true });
    ws().select('c');
    move('right', true);
    move('right', true);
    expect([...ws().selected]).toEqual(['c', 'b', 'a']);
    expect(ws().currentId).toBe('a');
    move('left', true);
    expect([...ws().selected]).toEqual(['c', 'b']);
  });

  it('selecting images a filter hides (from the check) shows everything again first', () => {
    ws().setFilter('needs');
    ws().setQuery('b');
    ws().selectIds(['a', 'c']);
    expect(ws().filter).toBe('all');
    expect(ws().query).toBe('');
    expect([...ws().selected]).toEqual(['a', 'c']);
    expect(ws().currentId).toBe('a');
  });
});
