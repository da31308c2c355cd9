import type { TokenCount } from '../../../shared/token-count';
import type { TokenCounts } from '../hooks/useTokenCounts';

/**
 * "CLIP 34/77 · T5 ≈41/512": how much of the caption each text encoder of a FLUX trainer reads. Past CLIP's 77
 * the field marks the words it never sees; "≈" says a count is an estimate.
 */
export function TokenCounter({ counts }: { counts: TokenCounts }) {
  return (
    <span className="token-counts">
      <Count name="CLIP" count={counts.clip} title="CLIP-L (SD 1.5, SDXL and FLUX) reads the first 77 tokens" />
      {' · '}
      <Count
        name="T5"
        count={counts.t5}
        title="FLUX's T5 reads 512 tokens. Estimated (≈): T5's vocabulary does not ship with the app; on sentences with published T5 counts the estimate is exact or one token over"
      />
    </span>
  );
}

function Count({ name, count, title }: { name: string; count: TokenCount | null; title: string }) {
  if (count === null) return <span title={title}>{name} …</span>;
  const over = count.tokens > count.limit;
  return (
    <span className={over ? 'over-tokens' : ''} title={title}>
      {name} {count.estimated ? '≈' : ''}
      {count.tokens.toLocaleString('en-US')}/{count.limit}
    </span>
  );
}
