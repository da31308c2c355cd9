import { contextBridge, type IpcRendererEvent, ipcRenderer, webUtils } from 'electron';
import { type MediaKindName, mediaUrlOf } from '../shared/app-urls';
// Type-only: erased at build time, so zod (behind contract.ts) never reaches this sandboxed, bundled script.
import type { Api } from '../shared/contract';
import { callNames, channelOf, eventNames, listenerNameOf } from '../shared/contract-names';

/**
 * The bridge the page sees as `window.captionStudio` (checklist item 20): one named function per contract call
 * and one `onX` per event, all derived from the contract's name lists, plus dropped-file paths and media URLs.
 * Never ipcRenderer, never a generic invoke or send, and listeners never see the IPC event object.
 */

type DroppedFile = Parameters<typeof webUtils.getPathForFile>[0];

/** Structurally the renderer's RendererApi (src/renderer/src/api/types.ts). */
export type PreloadApi = Api & {
  pathsForFiles(files: DroppedFile[]): string[] | null;
  mediaUrl(kind: MediaKindName, datasetId: string, imageId: string): string;
};

function buildBridge(): PreloadApi {
  const api: Record<string, unknown> = {};

  for (const name of callNames) {
    const channel = channelOf(name);
    api[name] = (...args: unknown[]) => ipcRenderer.invoke(channel, ...args);
  }

  for (const name of eventNames) {
    const channel = channelOf(name);
    api[listenerNameOf(name)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${listenerNameOf(name)} needs a function.`);
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => {
        ipcRenderer.removeListener(channel, forward);
      };
    };
  }

  // Electron 32 removed File.path; the path of a dropped file is only known here. '' means "not from disk".
  api.pathsForFiles = (files: DroppedFile[]) =>
    Array.from(files, (file) => webUtils.getPathForFile(file)).filter((path) => path !== '');
  api.mediaUrl = (kind: MediaKindName, datasetId: string, imageId: string) => mediaUrlOf(kind, datasetId, imageId);

  return api as PreloadApi;
}

contextBridge.exposeInMainWorld('captionStudio', buildBridge());
