import { memo, useMemo } from 'react';
import { captionDiff } from '../../../shared/caption-diff';

/**
 * A caption with what changed marked: removed words struck through, added words highlighted. Diffed only when
 * shown (the preview list is virtualised), so 5,000 changes never diff at once.
 */
export const CaptionDiffText = memo(function CaptionDiffText({ before, after }: { before: string; after: string }) {
  const segments = useMemo(() => captionDiff(before, after), [before, after]);
  return (
    <span className="diff-text">
      {segments.map((s, i) =>
        s.kind === 'same' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are recomputed as a whole; order is their identity.
          <span key={i}>{s.text}</span>
        ) : s.kind === 'removed' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <del key={i}>{s.text}</del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <ins key={i}>{s.text}</ins>
        ),
      )}
    </span>
  );
});
