/** File extensions of the image formats Caption Studio imports (lower case, no dot). */
export const IMAGE_EXTENSIONS: readonly string[] = [
  'jpg',
  'jpeg',
  'png',
  'webp',
  'heic',
  'heif',
  'avif',
  'tif',
  'tiff',
  'gif',
];

/** True when `path` ends in one of IMAGE_EXTENSIONS (any case). */
export function hasImageExtension(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot >= 0 && IMAGE_EXTENSIONS.includes(path.slice(dot + 1).toLowerCase());
}
