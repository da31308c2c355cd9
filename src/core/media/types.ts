export type MediaKind = 'thumb' | 'preview';

/** A file the media service vouches for: inside its dataset's folder, of an image that belongs to the dataset. */
export interface MediaFile {
  path: string;
  mimeType: string;
}

/** Thumbnails and upright previews for the Electron protocol handler and the browser preview's HTTP server. */
export interface MediaService {
  /** The file to serve, or null when the ids are invalid, the image is not in the dataset, or it cannot be made. */
  resolve(kind: MediaKind, datasetId: string, imageId: string): Promise<MediaFile | null>;
}
