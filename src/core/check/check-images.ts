import { type CheckFinding, type CheckReport, compareFindings } from '../../shared/check';
import type { DatasetManifest } from '../../shared/dataset';
import { captionFindings } from './caption-rules';
import { duplicateCaptionFindings, nearDuplicateFindings } from './duplicates';
import { imageFindings } from './image-rules';
import { sharedPhraseFindings } from './shared-phrase';

/** Every rule over the dataset's included images (hashes already stored). Pure: the same input, the same report. */
export function checkManifest(manifest: DatasetManifest): CheckReport {
  const included = manifest.images.filter((i) => !i.excluded);
  const findings: CheckFinding[] = [
    ...captionFindings(included, manifest.trigger),
    ...sharedPhraseFindings(included, manifest.trigger),
    ...duplicateCaptionFindings(included),
    ...nearDuplicateFindings(included),
    ...imageFindings(included),
  ].sort(compareFindings);
  return {
    datasetId: manifest.id,
    findings,
    images: included.length,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    t5Estimated: true,
  };
}
