import { useId } from 'react';
import { openInBrowser } from '../actions/links';
import { removeKey, saveKey, testKey } from '../actions/settings';
import { useSettings } from '../stores/settings';
import { Icon } from './Icon';
import { KeyField } from './KeyField';

/** The Gemini API key, kept in the keychain for every dataset: paste, test and save; test again; remove. */
export function KeySection({ focus, message }: { focus: boolean; message: string | null }) {
  const key = useSettings((s) => s.key);
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <div className="settings-section-head">
        <h3 id={`${id}-title`}>Gemini API key</h3>
        <button type="button" className="link" onClick={() => void openInBrowser('https://aistudio.google.com/apikey')}>
          Get a free key at Google AI Studio <Icon name="external" size={12} />
        </button>
      </div>
      <KeyField
        status={key}
        envName="GEMINI_API_KEY"
        emptyText="No key yet. Captioning needs one; it never leaves this computer except to call Gemini."
        labels={{ empty: 'API key', present: 'Replace the API key' }}
        placeholder={{
          empty: 'Paste your key (it starts with AIza)',
          present: 'Paste a new key to replace it',
          environment: 'Save a key here for when GEMINI_API_KEY is not set',
        }}
        said={{
          save: 'The key works and is saved in your system keychain.',
          test: 'The key works.',
          remove: 'The key was removed from this computer.',
        }}
        save={saveKey}
        test={testKey}
        remove={removeKey}
        focus={focus}
        message={message}
      />
    </section>
  );
}
