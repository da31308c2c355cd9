import { useEffect, useId, useState } from 'react';
import type { DatasetSettings } from '../../../shared/dataset';
import { isLocalServer, normaliseBaseUrl } from '../../../shared/servers';
import { useModelList } from '../hooks/useModelList';
import { withoutFirst } from '../lib/chain-edit';
import { providerName } from '../lib/model-text';
import {
  chooseProvider,
  diffForm,
  isServerUrl,
  type SettingsForm,
  setServerUrl,
  toForm,
  validateForm,
} from '../lib/settings-form';
import { useSettings } from '../stores/settings';
import { useWorkspace } from '../stores/workspace';
import { FallbackChain } from './FallbackChain';
import { KeySection } from './KeySection';
import { ModelPicker } from './ModelPicker';
import { PromptFields } from './PromptFields';
import { ReplicateToken } from './ReplicateToken';
import { Segmented } from './Segmented';
import { ServerSection } from './ServerSection';
import { SettingsSaveBar } from './SettingsSaveBar';
import { SpeedFields } from './SpeedFields';

type Scope = 'dataset' | 'defaults';

const SCOPES = [
  { value: 'dataset', label: 'This dataset' },
  { value: 'defaults', label: 'New datasets' },
] as const;

const PROVIDERS = [
  { value: 'gemini', label: 'Google Gemini' },
  { value: 'openai', label: 'OpenAI-compatible server' },
] as const;

/**
 * Who writes the captions (Gemini or an OpenAI-compatible server, with its key), the model and its fallbacks,
 * speed, image size and prompt. With a dataset open they apply to that dataset (its next run), and can be made
 * the default for new datasets; on the start screen they are the defaults. Keys are kept per keychain entry and
 * saved at once; everything else waits for Save.
 */
export function CaptioningSettings({ focusKey, message }: { focusKey: boolean; message: string | null }) {
  const dataset = useWorkspace((s) => s.dataset);
  const defaults = useSettings((s) => s.defaults);
  const keyPresent = useSettings((s) => s.key?.present === true);
  const [scope, setScope] = useState<Scope>(dataset ? 'dataset' : 'defaults');
  const base: DatasetSettings | null = scope === 'dataset' && dataset ? dataset.settings : defaults;
  const [form, setForm] = useState(() => (base ? toForm(base) : null));
  const id = useId();
  const url = form?.provider === 'openai' && isServerUrl(form.baseUrl) ? normaliseBaseUrl(form.baseUrl) : null;
  const list = useModelList(form?.provider ?? 'gemini', url, keyPresent);

  // A different scope (or the settings arriving) starts the form over from what is saved there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the source of truth changes.
  useEffect(() => setForm(base ? toForm(base) : null), [scope, base === null]);

  if (!form || !base) return <p className="muted">Loading settings…</p>;
  const errors = validateForm(form);
  const patch = diffForm(form, base);
  const valid = Object.keys(errors).length === 0;
  const local = url !== null && isLocalServer(url);
  const who = url ? providerName({ provider: 'openai', baseUrl: url }) : 'Gemini';
  const update = (next: Partial<SettingsForm>) => setForm({ ...form, ...next });

  return (
    <>
      <div className="settings-scope">
        {dataset ? (
          <Segmented legend="Settings for" className="small" options={SCOPES} value={scope} onPick={setScope} />
        ) : null}
        <span className="field-help">
          {scope === 'dataset' && dataset
            ? `Used by the next run of “${dataset.name}”.`
            : 'Defaults for datasets you create from now on.'}
        </span>
      </div>

      <section className="settings-section" aria-labelledby={`${id}-who`}>
        <div className="settings-section-head">
          <h3 id={`${id}-who`}>Who writes the captions</h3>
        </div>
        <Segmented
          legend="Who writes the captions"
          className="provider-choice"
          options={PROVIDERS}
          value={form.provider}
          onPick={(p) => setForm(chooseProvider(form, p))}
        />
        <span className="field-help">
          {form.provider === 'gemini'
            ? 'Google’s models, with a free or paid API key.'
            : 'A model on this computer (Ollama, LM Studio, llama.cpp, vLLM) or an online service (OpenRouter, OpenAI).'}
        </span>
      </section>

      {form.provider === 'gemini' ? (
        <KeySection focus={focusKey} message={message} />
      ) : (
        <ServerSection
          {...{ baseUrl: form.baseUrl, url, urlError: errors.baseUrl, model: form.model, list, focusKey, message }}
          onUrl={(baseUrl) => update({ baseUrl })}
          onServer={(from, to) => setForm(setServerUrl({ ...form, baseUrl: from }, to))}
        />
      )}

      <section className="settings-section" aria-labelledby={`${id}-models`}>
        <div className="settings-section-head">
          <h3 id={`${id}-models`}>Models</h3>
        </div>
        <div className="settings-grid">
          <ModelPicker
            {...{ id: `${id}-model`, value: form.model, list, who, local, error: errors.model }}
            onChange={(model) => update({ model, fallbackModels: withoutFirst(form.fallbackModels, model) })}
          />
          <FallbackChain
            {...{ provider: form.provider, first: form.model, fallbacks: form.fallbackModels, local }}
            models={list.models}
            onChange={(fallbackModels) => update({ fallbackModels })}
          />
        </div>
      </section>

      <section className="settings-section" aria-labelledby={`${id}-speed`}>
        <div className="settings-section-head">
          <h3 id={`${id}-speed`}>Speed, image size and prompt</h3>
        </div>
        <div className="settings-grid">
          <SpeedFields form={form} errors={errors} local={local} onChange={setForm} />
          <PromptFields form={form} errors={errors} saved={base} onChange={setForm} />
        </div>
      </section>

      {/* Saved at once like the keys above; here because training uses it, not captioning. */}
      <ReplicateToken focus={false} message={null} />

      <SettingsSaveBar
        {...{ scope, datasetOpen: dataset !== null, form, patch, valid }}
        onSaved={(saved) => setForm(toForm(saved))}
      />
    </>
  );
}
