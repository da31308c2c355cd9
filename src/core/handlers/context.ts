import { systemClock } from '../clock';
import { createLogger } from '../log';
import type { Clock, Logger } from '../ports';
import { createKnownPaths, type KnownPaths } from './known-paths';
import { createTaskTracker, type TaskTracker } from './tasks';
import type { HandlerDeps } from './types';

/** What every feature's handlers share: the injected ports plus the backend's own bookkeeping. */
export interface BackendContext {
  deps: HandlerDeps;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  /** Gemini endpoint override (GOOGLE_GEMINI_BASE_URL in deps.env), passed explicitly so deps.env rules. */
  baseUrl: string | undefined;
  known: KnownPaths;
  tasks: TaskTracker;
  log: Logger;
}

export function createContext(deps: HandlerDeps): BackendContext {
  const env = deps.env ?? process.env;
  return {
    deps,
    env,
    clock: deps.clock ?? systemClock,
    baseUrl: env.GOOGLE_GEMINI_BASE_URL?.trim() || undefined,
    known: createKnownPaths(),
    tasks: createTaskTracker(),
    log: deps.log ?? createLogger(),
  };
}

/** The one sentence for a missing key, wherever it is noticed; the UI sends the user to Settings on this kind. */
export const MISSING_KEY_MESSAGE =
  'Add your Gemini API key in Settings to caption images (Google AI Studio issues them free).';
