import type { StoreApi } from 'zustand';
import { useBatch } from '../../../src/renderer/src/stores/batch';
import { useCheck } from '../../../src/renderer/src/stores/check';
import { useDatasets } from '../../../src/renderer/src/stores/datasets';
import { useDrafts } from '../../../src/renderer/src/stores/drafts';
import { useExport } from '../../../src/renderer/src/stores/export';
import { useHistory } from '../../../src/renderer/src/stores/history';
import { useImporting } from '../../../src/renderer/src/stores/importing';
import { usePathPrompt } from '../../../src/renderer/src/stores/path-prompt';
import { useRun } from '../../../src/renderer/src/stores/run';
import { useSettings } from '../../../src/renderer/src/stores/settings';
import { useToasts } from '../../../src/renderer/src/stores/toasts';
import { useTokenizer } from '../../../src/renderer/src/stores/tokenizer';
import { useTraining } from '../../../src/renderer/src/stores/training';
import { useUi } from '../../../src/renderer/src/stores/ui';
import { useWorkspace } from '../../../src/renderer/src/stores/workspace';

/** The renderer's stores are module singletons; a component test starts each one as the app does. */
const STORES: StoreApi<object>[] = [
  useBatch,
  useCheck,
  useDatasets,
  useDrafts,
  useExport,
  useHistory,
  useImporting,
  usePathPrompt,
  useRun,
  useSettings,
  useToasts,
  useTraining,
  useTokenizer,
  useUi,
  useWorkspace,
];

export function resetStores(): void {
  for (const store of STORES) store.setState(store.getInitialState(), true);
  // The run keeps its per-image states in a Map updated in place; the initial one may have been written to.
  useRun.setState({ imageStates: new Map() });
}
