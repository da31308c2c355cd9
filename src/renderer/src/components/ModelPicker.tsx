import type { ModelList } from '../hooks/useModelList';
import { modelOptionText } from '../lib/model-text';

/**
 * The model new captions go to, from the list where the settings point (each with its price per 1,000 captions
 * and free daily quota when known). Without a list (the server has not answered), the id can be typed.
 */
export function ModelPicker(p: {
  id: string;
  value: string;
  list: ModelList;
  /** "Gemini" or the server's name, for the help line. */
  who: string;
  local: boolean;
  error: string | undefined;
  onChange: (model: string) => void;
}) {
  const { list, value } = p;
  const helpId = `${p.id}-help`;
  const listed = list.models?.some((m) => m.id === value) ?? false;
  return (
    <div className="field span-2">
      <label className="field-label" htmlFor={p.id}>
        Model
      </label>
      {list.models ? (
        <select
          id={p.id}
          className={`select ${p.error ? 'invalid' : ''}`}
          value={value}
          aria-describedby={helpId}
          aria-invalid={p.error !== undefined}
          onChange={(e) => p.onChange(e.target.value)}
        >
          {value === '' ? <option value="">Choose a model…</option> : null}
          {list.models.map((m) => (
            <option key={m.id} value={m.id}>
              {modelOptionText(m, p.local)}
            </option>
          ))}
          {value !== '' && !listed ? <option value={value}>{value} — not in the list</option> : null}
        </select>
      ) : (
        <input
          id={p.id}
          className={`input mono ${p.error ? 'invalid' : ''}`}
          value={value}
          spellCheck={false}
          placeholder="e.g. qwen2.5vl:7b"
          aria-describedby={helpId}
          aria-invalid={p.error !== undefined}
          onChange={(e) => p.onChange(e.target.value)}
        />
      )}
      <span id={helpId} className={p.error ? 'field-error' : 'field-help'}>
        {p.error ?? helpText(list, p.who)}
      </span>
    </div>
  );
}

function helpText(list: ModelList, who: string): string {
  if (list.loading) return `Asking ${who} for its models…`;
  if (list.error) {
    return list.fromCatalogue
      ? `The models Caption Studio knows (the key’s own list could not be read: ${list.error})`
      : `Type the model’s id, or fix the address and press Test. ${list.error}`;
  }
  if (list.fromCatalogue) return 'The models Caption Studio knows. With a key, the list shows every model it can use.';
  return `The models ${who} offers. Prices are for typical captions; listing them costs nothing.`;
}
