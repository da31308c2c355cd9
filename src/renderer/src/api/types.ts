import type { Api } from '../../../shared/contract';

export type MediaKind = 'thumb' | 'preview';

/**
 * What the UI talks to: the contract's calls and events, plus two things that are not requests. In Electron the
 * preload provides it as `window.captionStudio`; in the browser preview the HTTP bridge does.
 */
export type RendererApi = Api & {
  /** Absolute paths of dropped files/folders (Electron: webUtils.getPathForFile); null where a page cannot know them. */
  pathsForFiles(files: File[]): string[] | null;
  /** URL of an image's thumbnail or upright preview (custom scheme in Electron, HTTP in the preview). */
  mediaUrl(kind: MediaKind, datasetId: string, imageId: string): string;
};

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    captionStudio?: RendererApi;
  }
}
