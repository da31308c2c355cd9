import { useId, useState } from 'react';
import type { ListedModel } from '../../../shared/contract';
import type { ProviderName } from '../../../shared/dataset';
import { addableModels, MAX_FALLBACKS, moveFallback } from '../lib/chain-edit';
import { modelLabel, modelOptionText } from '../lib/model-text';
import { Icon } from './Icon';

const WHY: Record<ProviderName, string> = {
  gemini:
    'When a model runs out of its daily quota (a free key allows as few as 20 requests a day on some), the images ' +
    'left move to the next model in this list, and so on; a model that keeps failing is passed over too. The run ' +
    'stops only when every model is out, and says when the quotas reset (midnight Pacific). Ending with Gemma 3 27B, ' +
    'free with a far larger daily quota, lets a free key finish a dataset in a day.',
  openai:
    'When the model keeps failing, or the server says the account is out of credit, the images left move to the ' +
    'next model in this list.',
};

/** The fallback chain: the models tried after the first one, in order, with a way to add, move and take out. */
export function FallbackChain(p: {
  provider: ProviderName;
  first: string;
  fallbacks: string[];
  /** The models that can be added (the key's or the server's list); null: none known yet. */
  models: ListedModel[] | null;
  local: boolean;
  onChange: (fallbacks: string[]) => void;
}) {
  const id = useId();
  const [adding, setAdding] = useState('');
  const addable = addableModels(p.models ?? [], p.first, p.fallbacks);
  const pick = addable.some((m) => m.id === adding) ? adding : (addable[0]?.id ?? '');
  const label = (m: string) => modelLabel(m, p.provider);
  const full = p.fallbacks.length >= MAX_FALLBACKS;
  return (
    <div className="field span-2">
      <span className="field-label" id={`${id}-title`}>
        Fallback models
      </span>
      <span className="field-help">{WHY[p.provider]}</span>
      <ol className="chain-list" aria-labelledby={`${id}-title`}>
        <li>
          <span className="chain-name">{p.first ? label(p.first) : 'The model chosen above'}</span>
          <span className="faint">first</span>
        </li>
        {p.fallbacks.map((m, i) => (
          <li key={m}>
            <span className="chain-name">{label(m)}</span>
            <span className="chain-actions">
              <button
                type="button"
                className="btn btn-ghost icon-btn btn-sm"
                aria-label={`Move ${label(m)} up`}
                disabled={i === 0}
                onClick={() => p.onChange(moveFallback(p.fallbacks, i, -1))}
              >
                <Icon name="chevron-up" size={14} />
              </button>
              <button
                type="button"
                className="btn btn-ghost icon-btn btn-sm"
                aria-label={`Move ${label(m)} down`}
                disabled={i === p.fallbacks.length - 1}
                onClick={() => p.onChange(moveFallback(p.fallbacks, i, 1))}
              >
                <Icon name="chevron-down" size={14} />
              </button>
              <button
                type="button"
                className="btn btn-ghost icon-btn btn-sm"
                aria-label={`Take ${label(m)} out of the chain`}
                onClick={() => p.onChange(p.fallbacks.filter((x) => x !== m))}
              >
                <Icon name="x" size={14} />
              </button>
            </span>
          </li>
        ))}
      </ol>
      {addable.length > 0 ? (
        <div className="chain-add">
          <label className="sr-only" htmlFor={`${id}-add`}>
            Fallback model to add
          </label>
          <select id={`${id}-add`} className="select" value={pick} onChange={(e) => setAdding(e.target.value)}>
            {addable.map((m) => (
              <option key={m.id} value={m.id}>
                {modelOptionText(m, p.local)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn"
            disabled={full || pick === ''}
            title={full ? `At most ${MAX_FALLBACKS} fallback models` : undefined}
            onClick={() => p.onChange([...p.fallbacks, pick])}
          >
            <Icon name="plus" size={14} /> Add fallback
          </button>
        </div>
      ) : null}
    </div>
  );
}
