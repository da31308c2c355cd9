import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListedModel } from '../../../shared/contract';
import type { ProviderName } from '../../../shared/dataset';
import { geminiCatalogue } from '../../../shared/model-list';
import { listModels } from '../actions/settings';
import { toUiError } from '../lib/errors';

export interface ModelList {
  /** Null while a server's list has not arrived (or could not be read): the picker takes a typed id then. */
  models: ListedModel[] | null;
  /** Gemini's catalogue stands in for the key's own list when there is no key or the list cannot be read. */
  fromCatalogue: boolean;
  loading: boolean;
  error: string | null;
  /** Reads the list again now (the Test button); rejects with what went wrong. */
  reload(): Promise<ListedModel[]>;
}

/** Typing an address: ask once the user pauses, not for every character. */
const TYPING_PAUSE_MS = 400;

/**
 * The models the user can pick where the settings point: the Gemini models the key can use (the catalogue until
 * there is a key), or the models a server offers at `baseUrl` (null: no valid address yet). Listing spends no
 * tokens. An answer for an address the user has since left is dropped.
 */
export function useModelList(provider: ProviderName, baseUrl: string | null, keyPresent: boolean): ModelList {
  const canList = provider === 'openai' ? baseUrl !== null : keyPresent;
  const [state, setState] = useState<Omit<ModelList, 'reload'>>(() => initial(provider, canList));
  const asked = useRef(0);
  const first = useRef(true);

  const load = useCallback(async (): Promise<ListedModel[]> => {
    const ticket = ++asked.current;
    const mine = () => ticket === asked.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const models = await listModels({ provider, baseUrl: provider === 'openai' ? baseUrl : null });
      if (mine()) setState({ models, fromCatalogue: false, loading: false, error: null });
      return models;
    } catch (e) {
      const error = toUiError(e).message;
      if (mine()) setState({ ...initial(provider, false), error });
      throw e;
    }
  }, [provider, baseUrl]);

  useEffect(() => {
    asked.current++;
    setState(initial(provider, canList));
    if (!canList) return;
    const wait = first.current ? 0 : TYPING_PAUSE_MS;
    first.current = false;
    const timer = setTimeout(() => load().catch(() => {}), wait);
    return () => clearTimeout(timer);
  }, [provider, canList, load]);

  return { ...state, reload: load };
}

function initial(provider: ProviderName, listing: boolean): Omit<ModelList, 'reload'> {
  const catalogue = provider === 'gemini';
  return { models: catalogue ? geminiCatalogue() : null, fromCatalogue: catalogue, loading: listing, error: null };
}
