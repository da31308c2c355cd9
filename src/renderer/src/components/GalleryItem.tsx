import { type MouseEvent, memo, useState } from 'react';
import type { ImageEntry } from '../../../shared/dataset';
import { api } from '../api';
import { type DisplayStatus, STATUS_LABEL } from '../lib/status';
import { Icon } from './Icon';
import { StatusBadge } from './StatusBadge';

interface Props {
  datasetId: string;
  image: ImageEntry;
  status: DisplayStatus;
  selected: boolean;
  current: boolean;
  position: number;
  setSize: number;
  onPick: (id: string, e: MouseEvent) => void;
  onOpen: (id: string) => void;
}

/** One thumbnail in a fixed square box (no layout shift while it loads), with its status and name. */
export const GalleryItem = memo(function GalleryItem(p: Props) {
  const [failed, setFailed] = useState(false);
  const { image } = p;
  const name = image.relPath.split('/').pop() ?? image.relPath;
  const classes = ['tile', p.selected ? 'selected' : '', p.current ? 'current' : '', image.excluded ? 'excluded' : '']
    .filter(Boolean)
    .join(' ');
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox owns the keyboard (aria-activedescendant pattern).
    <div
      id={`img-${image.id}`}
      role="option"
      tabIndex={-1}
      aria-selected={p.selected}
      aria-posinset={p.position}
      aria-setsize={p.setSize}
      aria-label={`${image.relPath}, ${STATUS_LABEL[p.status]}${image.excluded ? ', excluded' : ''}`}
      className={classes}
      onClick={(e) => p.onPick(image.id, e)}
      onDoubleClick={() => p.onOpen(image.id)}
    >
      {/* First in the DOM so the visible text reads "name, status" like the tile's name; CSS puts it below. */}
      <div className="tile-name" title={image.relPath}>
        {name}
      </div>{' '}
      <div className="tile-thumb">
        {failed ? (
          <Icon name="image" size={22} className="faint" />
        ) : (
          <img
            src={api.mediaUrl('thumb', p.datasetId, image.id)}
            alt=""
            loading="lazy"
            decoding="async"
            draggable={false}
            onError={() => setFailed(true)}
          />
        )}
        <StatusBadge status={p.status} variant="overlay" />
        {image.excluded ? (
          <span className="tile-excluded" title="Excluded from the export">
            <Icon name="eye-off" size={13} />
          </span>
        ) : null}
      </div>
    </div>
  );
});
