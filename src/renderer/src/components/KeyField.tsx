import { useId, useState } from 'react';
import type { KeyStatus } from '../../../shared/contract';
import { toUiError } from '../lib/errors';
import { inSettings } from '../lib/settings-text';
import { Icon } from './Icon';

type Result = { tone: 'ok' | 'warn' | 'error'; text: string } | null;
type Action = 'save' | 'test' | 'remove';

export interface KeyFieldProps {
  status: KeyStatus | null;
  /** The environment variable that overrides the stored key. */
  envName: string;
  /** Shown when no key is stored. */
  emptyText: string;
  /** The field's name before a key is saved, and once one is ("API key", "Replace the API key"). */
  labels: { empty: string; present: string };
  placeholder: { empty: string; present: string; environment: string };
  /** What each action says when it worked. */
  said: { save: string; remove: string; test?: string };
  save(key: string): Promise<unknown>;
  /** Testing the stored key again (left out where the caller tests another way). */
  test?: () => Promise<unknown>;
  remove(): Promise<unknown>;
  /** Focus the field on open, with this message (a key problem sent the user here). */
  focus: boolean;
  message: string | null;
}

/**
 * A key kept in the system keychain: paste, test and save; test again; remove. The key is only ever shown
 * masked (the main process never sends it back); one from the environment is named as such and cannot be removed
 * here. Errors are worded for anywhere in the app; here the "…in Settings" next step is dropped.
 */
export function KeyField(p: KeyFieldProps) {
  const { status } = p;
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState<Action | null>(null);
  const [result, setResult] = useState<Result>(p.message ? { tone: 'warn', text: inSettings(p.message) } : null);
  const inputId = useId();
  const helpId = useId();

  const act = async (kind: Action) => {
    setBusy(kind);
    setResult(null);
    try {
      if (kind === 'save') {
        await p.save(value.trim());
        setValue('');
      } else if (kind === 'test') await p.test?.();
      else await p.remove();
      setResult({ tone: 'ok', text: p.said[kind] ?? '' });
    } catch (e) {
      setResult({ tone: 'error', text: inSettings(toUiError(e).message) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <div className={`key-status ${status?.present ? 'present' : ''}`}>
        <Icon name="key" size={16} />
        {status === null ? (
          <span className="muted">Checking…</span>
        ) : status.present ? (
          <>
            <span>
              <span className="mono">{status.masked}</span>{' '}
              <span className="muted">
                {status.source === 'environment'
                  ? `from the ${p.envName} environment variable`
                  : 'saved in your system keychain'}
              </span>
            </span>
            <div className="spacer" />
            {p.test ? (
              <button type="button" className="btn btn-sm" disabled={busy !== null} onClick={() => void act('test')}>
                {busy === 'test' ? 'Testing…' : 'Test again'}
              </button>
            ) : null}
            {status.source === 'keychain' ? (
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
          <span className="muted">{p.emptyText}</span>
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
          {status?.present ? p.labels.present : p.labels.empty}
        </label>
        <input
          id={inputId}
          className={`input mono ${result?.tone === 'error' ? 'invalid' : ''}`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={
            status?.source === 'environment'
              ? p.placeholder.environment
              : status?.present
                ? p.placeholder.present
                : p.placeholder.empty
          }
          value={value}
          aria-describedby={helpId}
          {...(p.focus ? { 'data-autofocus': true } : {})}
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
    </>
  );
}
