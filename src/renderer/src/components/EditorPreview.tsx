import { useState } from 'react';
import type { ImageEntry } from '../../../shared/dataset';
import { api } from '../api';
import { Icon } from './Icon';

/**
 * The large upright preview over a blurred wash of its own thumbnail (shown at once, so switching images never
 * flashes an empty box). The box has a fixed size, so nothing below it moves whatever the image's shape.
 */
export function EditorPreview({ datasetId, image }: { datasetId: string; image: ImageEntry }) {
  const [failed, setFailed] = useState<string | null>(null);
  const thumb = api.mediaUrl('thumb', datasetId, image.id);
  return (
    <div className={`preview-box ${image.excluded ? 'excluded' : ''}`}>
      <div className="preview-backdrop" style={{ backgroundImage: `url("${thumb}")` }} aria-hidden="true" />
      {failed === image.id ? (
        <div className="preview-missing">
          <Icon name="alert" size={20} />
          <span>The original file could not be read. It may have been moved or deleted.</span>
        </div>
      ) : (
        <img
          key={image.id}
          src={api.mediaUrl('preview', datasetId, image.id)}
          alt={`Preview of ${image.relPath}`}
          decoding="async"
          draggable={false}
          onError={() => setFailed(image.id)}
        />
      )}
    </div>
  );
}
