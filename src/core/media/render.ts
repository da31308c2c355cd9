import type { ImageFormat } from '../../shared/dataset';
import { openUpright } from '../images';

/** The editor's large preview: sharp on a 2x screen at typical editor sizes, a few hundred KB at most. */
export const PREVIEW_LONG_SIDE = 1600;
const PREVIEW_QUALITY = 85;

/** An upright sRGB JPEG of `source`, long side PREVIEW_LONG_SIDE (never enlarged), transparency on white. */
export async function renderPreview(source: string, format: ImageFormat): Promise<Buffer> {
  const pipeline = await openUpright(source, format);
  return pipeline
    .resize(PREVIEW_LONG_SIDE, PREVIEW_LONG_SIDE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: PREVIEW_QUALITY })
    .toBuffer();
}
