import { useEffect, useId, useRef, useState } from 'react';
import { isLocalServer, presetFor, SERVER_PRESETS, serverName } from '../../../shared/servers';
import type { ModelList } from '../hooks/useModelList';
import { toUiError } from '../lib/errors';
import { serverVerdict, type Verdict } from '../lib/server-check';
import { Icon } from './Icon';
import { ServerKey } from './ServerKey';
import { SettingsSection } from './SettingsSection';

const CUSTOM = 'custom';

/**
 * An OpenAI-compatible server: a preset fills in its address (or any address is typed), an optional key is kept
 * in the keychain for that address, and Test connects, lists the models and says what it found in a sentence.
 * `url` is the address once it is a valid one (null while it is not).
 */
export function ServerSection(p: {
  baseUrl: string;
  url: string | null;
  urlError: string | undefined;
  model: string;
  list: ModelList;
  /** The address as typed. */
  onUrl: (url: string) => void;
  /** A preset picked, or the address left after editing: `from` is the address before, for its kind's limits. */
  onServer: (from: string, to: string) => void;
  focusKey: boolean;
  message: string | null;
}) {
  const id = useId();
  const preset = presetFor(p.baseUrl);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [testing, setTesting] = useState(false);
  const { url } = p;
  // The address when the field took focus: leaving it compares the kind of server before and after.
  const editing = useRef(p.baseUrl);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a verdict is about the address it was given for.
  useEffect(() => setVerdict(null), [url]);

  const test = async () => {
    if (!url) return;
    setTesting(true);
    setVerdict(null);
    try {
      setVerdict(serverVerdict(serverName(url), await p.list.reload(), p.model));
    } catch (e) {
      setVerdict({ tone: 'error', text: toUiError(e).message });
    } finally {
      setTesting(false);
    }
  };
  const local = url !== null && isLocalServer(url);

  return (
    <SettingsSection
      title="Server"
      link={preset?.keyUrl ? { url: preset.keyUrl, text: `Get a key at ${preset.label}` } : null}
    >
      <div className="settings-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-preset`}>
            Server
          </label>
          <select
            id={`${id}-preset`}
            className="select"
            value={preset?.id ?? CUSTOM}
            onChange={(e) => {
              const picked = SERVER_PRESETS.find((s) => s.id === e.target.value);
              if (picked) p.onServer(p.baseUrl, picked.baseUrl);
              else document.getElementById(`${id}-url`)?.focus();
            }}
          >
            {SERVER_PRESETS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
                {s.local ? ' (on this computer)' : ''}
              </option>
            ))}
            <option value={CUSTOM}>Another address</option>
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-url`}>
            Address (base URL)
          </label>
          <input
            id={`${id}-url`}
            className={`input mono ${p.urlError ? 'invalid' : ''}`}
            value={p.baseUrl}
            spellCheck={false}
            inputMode="url"
            aria-invalid={p.urlError !== undefined}
            onChange={(e) => p.onUrl(e.target.value)}
            onFocus={() => {
              editing.current = p.baseUrl;
            }}
            onBlur={() => p.onServer(editing.current, p.baseUrl)}
          />
          {p.urlError ? <span className="field-error">{p.urlError}</span> : null}
        </div>
        <div className="server-test span-2">
          <button type="button" className="btn" disabled={!url || testing} onClick={() => void test()}>
            {testing ? 'Testing…' : 'Test'}
          </button>
          <div className="server-verdict" aria-live="polite">
            {verdict ? (
              <div className={`callout ${verdict.tone}`} role={verdict.tone === 'error' ? 'alert' : 'status'}>
                <Icon name={verdict.tone === 'ok' ? 'check-circle' : 'alert-circle'} />
                <span>{verdict.text}</span>
              </div>
            ) : (
              <span className="field-help">
                {local
                  ? 'On this computer: free, and your photos never leave it. Start the server before captioning.'
                  : 'Connects and lists the server’s models; nothing is captioned or paid for.'}
              </span>
            )}
          </div>
        </div>
      </div>
      {url ? (
        <ServerKey
          key={url}
          url={url}
          local={local}
          focus={p.focusKey}
          message={p.message}
          onChange={() => void p.list.reload().catch(() => {})}
        />
      ) : null}
    </SettingsSection>
  );
}
