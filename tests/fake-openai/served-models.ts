import type { Flavour, ServedModel } from './flavours';
import type { FakeModel, FakeOpenAiOptions } from './options';

/** The models a fake serves, every behaviour settled: the options' list (ids or specs) or the flavour's default. */
export function servedModels(opts: FakeOpenAiOptions, flavour: Flavour): ServedModel[] {
  const specs: FakeModel[] = (opts.models ?? [flavour.defaultModel]).map((m) =>
    typeof m === 'string' ? { id: m } : m,
  );
  return specs.map((m) => {
    if (m.reasoningParameters && flavour.name !== 'openai')
      throw new Error(`fake-openai: reasoningParameters is OpenAI's rule; model ${m.id} is served as ${flavour.name}`);
    return {
      id: m.id,
      vision: m.vision ?? 'sees',
      contextTokens: m.contextTokens ?? flavour.defaultContextTokens,
      refuses: m.refuses ?? false,
      reasoningParameters: m.reasoningParameters ?? false,
      ...(m.thinking ? { thinking: m.thinking } : {}),
    };
  });
}
