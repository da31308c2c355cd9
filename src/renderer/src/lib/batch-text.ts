import type { BatchStatus } from '../../../shared/progress';
import { formatCost, plural } from './format';

/** The run bar's headline for a batch job: where it is, in words. */
export function batchHeadline(s: BatchStatus): string {
  const images = plural(s.images, 'image');
  switch (s.state) {
    case 'uploading':
      return `Preparing the batch: ${s.uploaded.toLocaleString('en-US')} of ${images}`;
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
  const parts: string[] = [];
  if (s.costUsd !== null) {
    parts.push(`about ${formatCost(s.costUsd)}, ${formatCost(s.savingUsd ?? 0)} less than a normal run`);
  }
  if (s.state === 'uploading') parts.push('nothing is submitted until every image is up');
  else parts.push('results within 24 hours, also if you close the app');
  if (s.problem) parts.push(s.problem);
  else if (s.checkedAt) {
    const at = new Date(s.checkedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    parts.push(`checked ${at}`);
  }
  return parts;
}
