import type { RunEstimate } from '../../../shared/contract';
import { halfPrice } from '../lib/batch-text';

/**
 * "Batch (half price, results within 24 h)" in the Caption dialog, for Gemini: the images go to Gemini as one
 * batch job instead of one request each. Shown only where the Batch API exists (Gemini), with its price.
 */
export function BatchOption(p: { estimate: RunEstimate | null; checked: boolean; onChange: (on: boolean) => void }) {
  if (p.estimate?.provider !== 'gemini') return null;
  const price = halfPrice(p.estimate.batchCostUsd, p.estimate.costUsd);
  return (
    <label className={`scope-option ${p.checked ? 'checked' : ''}`}>
      <input type="checkbox" checked={p.checked} onChange={(e) => p.onChange(e.target.checked)} />
      <span className="scope-text">
        <span className="scope-title">Batch (half price, results within 24 h)</span>
        <span className="muted">
          One Gemini batch job instead of a request per image: {price}. You can close the app; the captions come in when
          the dataset is open again.
        </span>
      </span>
    </label>
  );
}
