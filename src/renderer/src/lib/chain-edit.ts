import type { ListedModel } from '../../../shared/contract';

/** As many fallback models as the settings schema allows. */
export const MAX_FALLBACKS = 10;

/** The fallbacks with the one at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveFallback(list: readonly string[], index: number, delta: -1 | 1): string[] {
  const to = index + delta;
  const next = [...list];
  const [moved] = next.splice(index, 1);
  if (moved === undefined || to < 0 || to > list.length - 1) return [...list];
  next.splice(to, 0, moved);
  return next;
}

/** The models that can still join the chain: offered, and neither the first model nor a fallback already. */
export function addableModels(
  models: readonly ListedModel[],
  first: string,
  fallbacks: readonly string[],
): ListedModel[] {
  return models.filter((m) => m.id !== first && !fallbacks.includes(m.id));
}

/** The fallbacks after the first model changed: a model is never its own fallback. */
export function withoutFirst(fallbacks: readonly string[], first: string): string[] {
  return fallbacks.filter((m) => m !== first);
}
