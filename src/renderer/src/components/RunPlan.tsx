import type { ReactNode } from 'react';
import type { RunEstimate } from '../../../shared/contract';
import type { DatasetSettings } from '../../../shared/dataset';
import { isLocalServer } from '../../../shared/servers';
import { chainText, costEstimate, freePlanText } from '../lib/estimate-text';
import { formatDuration } from '../lib/format';
import { providerName } from '../lib/model-text';

/**
 * What a run will use and cost, from the backend's estimate: the model chain (and who serves it), then the cost
 * and time, then where a free Gemini key's daily quotas would send the images. `options` sit under the model
 * line: choices that change how the chain runs (the Batch API) go there.
 */
export function RunPlan(p: {
  estimate: RunEstimate | null;
  settings: Pick<DatasetSettings, 'provider' | 'baseUrl' | 'model'>;
  options?: ReactNode;
  /** Through the Batch API: half the price, results within 24 hours. */
  batch?: boolean;
  now?: number;
}) {
  const { estimate, settings } = p;
  const local = settings.provider === 'openai' && settings.baseUrl !== null && isLocalServer(settings.baseUrl);
  const priced = estimate && p.batch ? { ...estimate, costUsd: estimate.batchCostUsd } : estimate;
  const cost = priced ? costEstimate(priced, local) : null;
  const plan = estimate ? freePlanText(estimate.freeKeyPlan, p.now ?? Date.now()) : null;
  return (
    <div className="run-plan" aria-live="polite">
      <div className="run-plan-models">
        <div className="run-plan-chain">
          <span className="stat-label">{estimate && estimate.chain.length > 1 ? 'Models, in order' : 'Model'}</span>
          <strong>{estimate ? chainText(estimate) : settings.model}</strong>
          {settings.provider === 'openai' ? <span className="faint small">on {providerName(settings)}</span> : null}
        </div>
        {p.options}
      </div>
      <div className="estimate">
        <div className="estimate-cell">
          <span className="stat-label">Estimated cost</span>
          <strong>{cost ? cost.value : '…'}</strong>
          {cost?.note ? <span className="faint small">{cost.note}</span> : null}
        </div>
        <div className="estimate-cell">
          <span className="stat-label">Estimated time</span>
          <strong>{estimate ? timeText(estimate, p.batch === true) : '…'}</strong>
        </div>
      </div>
      {plan ? <p className="faint small run-plan-free">{plan}</p> : null}
    </div>
  );
}

function timeText(estimate: RunEstimate, batch: boolean): string {
  if (estimate.images === 0) return '—';
  return batch ? 'within 24 h' : `at least ${formatDuration(estimate.seconds)}`;
}
