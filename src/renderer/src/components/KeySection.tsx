import { useId, useState } from 'react';
import { removeKey, saveKey, testKey } from '../actions/settings';
import { api } from '../api';
import { toUiError } from '../lib/errors';
import { inSettings } from '../lib/settings-text';
import { useSettings } from '../stores/settings';
import { Icon } from './Icon';

type Result = { tone: 'ok' | 'warn' | 'error'; text: string } | null;

/**
 * The Gemini API key: paste, test against the API and save to the keychain; test again; remove. The key is only
 * ever shown masked (the main process never sends it back).
 */
export function KeySection({ focus, message }: { focus: boolean; message: string | null }) {
  const key = useSettings((s) => s.key);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState<'save' | 'test' | 'remove' | null>(null);
  const [result, setResult] = useState<Result>(message ? { tone: 'warn', text: inSettings(message) } : null);
  const inputId = useId();
  const helpId = useId();

  const act = async (kind: 'save' | 'test' | 'remove') => {
    setBusy(kind);
    setResult(null);
    try {
      if (kind === 'save') {
        await saveKey(value.trim());
        setValue('');
        setResult({ tone: 'ok', text: 'The key works and is saved in your system keychain.' });
      } else if (kind === 'test') {
        await testKey();
        setResult({ tone: 'ok', text: 'The key works.' });
      } else {
        await removeKey();
        setResult({ tone: 'ok', text: 'The key was removed from this computer.' });
      }
    } catch (e) {
      // Errors are worded for anywhere in the app; here, drop the "…in Settings" next step.
      setResult({ tone: 'error', text: inSettings(toUiError(e).message) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="settings-section" aria-labelledby={`${inputId}-title`}>
      <div className="settings-section-head">
        <h3 id={`${inputId}-title`}>Gemini API key</h3>
        <button
          type="button"
          className="link"
          onClick={() => void api.openExternal('https://aistudio.google.com/apikey')}
        >
          Get a free key at Google AI Studio <Icon name="external" size={12} />
        </button>
      </div>
      <div className={`key-status ${key?.present ? 'present' : ''}`}>
        <Icon name="key" size={16} />
        {key === null ? (
          <span className="muted">Checking…</span>
        ) : key.present ? (
          <>
            <span>
              <span className="mono">{key.masked}</span>{' '}
              <span className="muted">
                {key.source === 'environment'
                  ? 'from the GEMINI_API_KEY environment variable'
                  : 'saved in your system keychain'}
              </span>
            </span>
            <div className="spacer" />
            <button type="button" className="btn btn-sm" disabled={busy !== null} onClick={() => void act('test')}>
              {busy === 'test' ? 'Testing…' : 'Test again'}
            </button>
            {key.source === 'keychain' ? (
              <button
                type="button"
                className="btn btn-sm btn-danger"
                disabled={busy !== null}
                onClick={() => void act('remove')}
              >
                Remove
              </button>
            ) : null}
          </>
        ) : (
          <span className="muted">
            No key yet. Captioning needs one; it never leaves this computer except to call Gemini.
          </span>
        )}
      </div>
      <form
        className="key-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) void act('save');
        }}
      >
        <label htmlFor={inputId} className="sr-only">
          {key?.present ? 'Replace the API key' : 'API key'}
        </label>
        <input
          id={inputId}
          className={`input mono ${result?.tone === 'error' ? 'invalid' : ''}`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={
            key?.source === 'environment'
              ? 'Save a key here for when GEMINI_API_KEY is not set'
              : key?.present
                ? 'Paste a new key to replace it'
                : 'Paste your key (it starts with AIza)'
          }
          value={value}
          aria-describedby={helpId}
          {...(focus ? { 'data-autofocus': true } : {})}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={value.trim() === '' || busy !== null}>
          {busy === 'save' ? 'Testing…' : 'Test & save'}
        </button>
      </form>
      <div id={helpId} aria-live="polite">
        {result ? (
          <div className={`callout ${result.tone}`} role={result.tone === 'ok' ? 'status' : 'alert'}>
            <Icon name={result.tone === 'ok' ? 'check-circle' : result.tone === 'warn' ? 'key' : 'alert-circle'} />
            <span>{result.text}</span>
          </div>
        ) : null}
      </div>
    </section>
  );
}
