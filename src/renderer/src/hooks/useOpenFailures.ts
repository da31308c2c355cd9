import { useMemo } from 'react';
import { type FailureRow, runFailures } from '../lib/failed-list';
import { useRun } from '../stores/run';
import { useWorkspace } from '../stores/workspace';

/** The last run's failures that still need the user, re-derived whenever an image of the open dataset changes. */
export function useOpenFailures(): FailureRow[] {
  const failedIds = useRun((s) => s.failedIds);
  const datasetId = useRun((s) => s.datasetId);
  const dataset = useWorkspace((s) => s.dataset);
  const images = useWorkspace((s) => s.images);
  const index = useWorkspace((s) => s.index);
  return useMemo(
    () => runFailures({ datasetId, failedIds }, { dataset, images, index }),
    [failedIds, datasetId, dataset, images, index],
  );
}
