import type { BatchStatus } from '../../../shared/progress';
import { formatCost, plural } from './format';

/** The run bar's headline for a batch job: where it is, in words. */
export function batchHeadline(s: BatchStatus): string {
  const images = plural(s.images, 'image');
  switch (s.state) {
    case 'uploading':
      return s.uploaded < s.images
        ? `Preparing the batch: ${s.uploaded.toLocaleString('en-US')} of ${images}`
        : `Submitting the batch of ${images} to Gemini`;
    case 'queued':
      return `Batch of ${images} waiting at Gemini`;
    case 'running':
      return `Batch of ${images} running at Gemini`;
    default:
      return `Batch of ${images} ${s.state}`;
  }
}

/** What the job costs and saves, when results come, and when Gemini was last asked (or why it could not be). */
export function batchParts(s: BatchStatus): string[] {
  const parts = [halfPrice(s.costUsd, (s.costUsd ?? 0) + (s.savingUsd ?? 0))];
  if (s.state === 'uploading') parts.push('nothing is submitted until every image is ready');
  else parts.push('results within 24 hours, even with the app closed');
  if (s.problem) parts.push(s.problem);
  else if (s.checkedAt) {
    const at = new Date(s.checkedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    parts.push(`checked ${at}`);
  }
  return parts;
}

/** "about $1.20 instead of $2.40", or just "half price" while both round to under a cent. */
export function halfPrice(batchUsd: number | null, normalUsd: number | null): string {
  if (batchUsd === null || normalUsd === null || normalUsd < 0.01) return 'half the price of a normal run';
  return `about ${formatCost(batchUsd)} instead of ${formatCost(normalUsd)}`;
}
