import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer, resetElectronMock, webUtils } from '../../tests/support/electron/electron-mock';
import { parseMediaPath } from '../shared/app-urls';
import { calls, channelOf, type EventName, eventNames } from '../shared/contract';

const REPO = resolve(import.meta.dirname, '../..');
const PRELOAD = resolve(REPO, 'src/preload/index.ts');

const listenerName = (name: EventName) => `on${name[0]?.toUpperCase()}${name.slice(1)}`;

let api: Record<string, (...args: unknown[]) => unknown> = {};

beforeAll(async () => {
  resetElectronMock();
  // Imported by path: the preload is its own TypeScript project, and importing it runs its exposeInMainWorld.
  await import(/* @vite-ignore */ PRELOAD);
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, exposed] = contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(key).toBe('captionStudio');
  api = exposed;
});

describe('the preload bridge', () => {
  it('exposes exactly one function per contract call and event, plus pathsForFiles and mediaUrl', () => {
    const expected = [...Object.keys(calls), ...eventNames.map(listenerName), 'pathsForFiles', 'mediaUrl'];
    expect(Object.keys(api).sort()).toEqual(expected.sort());
    for (const value of Object.values(api)) expect(value).toBeTypeOf('function');
  });

  it('leaks no ipcRenderer, generic invoke/send or event object', () => {
    for (const forbidden of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'on', 'once', 'postMessage', 'require']) {
      expect(api).not.toHaveProperty(forbidden);
    }
    for (const value of Object.values(api)) {
      expect(value).not.toBe(ipcRenderer);
      expect(Object.values(ipcRenderer)).not.toContain(value);
    }
  });

  it('sends each call on its derived channel with its arguments', async () => {
    ipcRenderer.invoke.mockResolvedValue({ ok: true, value: [] });
    await expect(api.listDatasets?.()).resolves.toEqual({ ok: true, value: [] });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(channelOf('listDatasets'));
    await api.importPaths?.('s1', ['/photos']);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(channelOf('importPaths'), 's1', ['/photos']);
  });

  it('hands listeners only the payload, and unsubscribes the same function', () => {
    const listener = vi.fn();
    const unsubscribe = api.onRunProgress?.(listener) as () => void;
    const [channel, forward] = ipcRenderer.on.mock.calls.at(-1) ?? [];
    expect(channel).toBe(channelOf('runProgress'));
    const ipcEvent = { sender: ipcRenderer, senderId: 0, ports: [] };
    forward(ipcEvent, { datasetId: 's', progress: {} });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ datasetId: 's', progress: {} });
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(channelOf('runProgress'), forward);
    expect(() => api.onMenuCommand?.('not a function')).toThrow(TypeError);
  });

  it('resolves dropped files with webUtils.getPathForFile', () => {
    webUtils.getPathForFile.mockImplementation((file: { name: string }) =>
      file.name === 'blob' ? '' : `/in/${file.name}`,
    );
    expect(api.pathsForFiles?.([{ name: 'a.jpg' }, { name: 'blob' }, { name: 'dir' }])).toEqual([
      '/in/a.jpg',
      '/in/dir',
    ]);
  });

  it('builds media URLs the protocol understands', () => {
    const url = new URL(api.mediaUrl?.('thumb', 'sess', 'img') as string);
    expect(`${url.protocol}//${url.host}`).toBe('caption-studio://media');
    expect(parseMediaPath(url.pathname)).toEqual({ kind: 'thumb', datasetId: 'sess', imageId: 'img' });
  });
});

/** Runtime (non-type) imports of a TypeScript file. */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    if (!match[1] && match[2]) specifiers.push(match[2]);
  }
  return specifiers;
}

describe('the preload import graph', () => {
  it('reaches no npm package but electron (a sandboxed preload cannot require one), and not zod', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of runtimeImports(file)) {
        if (spec.startsWith('.')) visit(`${resolve(dirname(file), spec)}.ts`);
        else packages.add(spec);
      }
    };
    visit(PRELOAD);
    expect([...packages]).toEqual(['electron']);
    expect([...seen].map((f) => f.slice(REPO.length + 1))).not.toContain('src/shared/contract.ts');
  });
});
