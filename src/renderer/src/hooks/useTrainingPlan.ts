import { useEffect, useState } from 'react';
import type { TrainingPlan } from '../../../shared/training';
import { planTraining } from '../actions/training';
import { toUiError, type UiErrorLike } from '../lib/errors';

interface PlanState {
  plan: TrainingPlan | null;
  error: UiErrorLike | null;
}

/**
 * The Train dialog's plan (the trainer's latest version, looked up at Replicate when asked for), fetched while
 * `enabled` (a token is there and the form is shown) and again on `retry` or another token.
 */
export function useTrainingPlan(datasetId: string, enabled: boolean, token: string | null) {
  const [state, setState] = useState<PlanState>({ plan: null, error: null });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` and `token` are what ask for it again.
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState({ plan: null, error: null });
    planTraining(datasetId)
      .then((plan) => live && setState({ plan, error: null }))
      .catch((e) => live && setState({ plan: null, error: toUiError(e) }));
    return () => {
      live = false;
    };
  }, [datasetId, enabled, attempt, token]);
  return { ...state, retry: () => setAttempt((n) => n + 1) };
}
