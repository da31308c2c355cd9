import { useEffect, useState } from 'react';
import type { KeyStatus } from '../../../shared/contract';
import { removeServerKey, saveServerKey, serverKeyStatus } from '../actions/settings';
import { KeyField } from './KeyField';

const NONE: KeyStatus = { present: false, source: null, masked: null };

/**
 * The optional key of the server at `url`, kept in the keychain for that address (OPENAI_API_KEY in the
 * environment wins). Saving lists the server's models with it first, so a key the server refuses is never kept.
 * `onChange` follows a saved or removed key (a remote service lists its models only with one).
 */
export function ServerKey(p: {
  url: string;
  local: boolean;
  focus: boolean;
  message: string | null;
  onChange: () => void;
}) {
  const { url } = p;
  const [status, setStatus] = useState<KeyStatus | null>(null);

  useEffect(() => {
    let live = true;
    serverKeyStatus(url)
      .then((s) => live && setStatus(s))
      .catch(() => live && setStatus(NONE));
    return () => {
      live = false;
    };
  }, [url]);

  const keep = async (call: Promise<KeyStatus>) => {
    setStatus(await call);
    p.onChange();
  };

  return (
    <div className="server-key">
      <span className="field-label">API key for this server (optional)</span>
      <KeyField
        status={status}
        envName="OPENAI_API_KEY"
        emptyText={
          p.local ? 'No key: servers on this computer need none.' : 'No key yet: most online services need one.'
        }
        labels={{ empty: 'API key for this server', present: 'Replace the key for this server' }}
        placeholder={{
          empty: 'Paste the key, if the server needs one',
          present: 'Paste a new key to replace it',
          environment: 'Save a key here for when OPENAI_API_KEY is not set',
        }}
        said={{
          save: 'The server accepted the key; it is saved in your system keychain for this address.',
          remove: 'The key for this address was removed from this computer.',
        }}
        save={(key) => keep(saveServerKey(url, key))}
        remove={() => keep(removeServerKey(url))}
        focus={p.focus}
        message={p.message}
      />
    </div>
  );
}
