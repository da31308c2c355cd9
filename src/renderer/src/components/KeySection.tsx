import { removeKey, saveKey, testKey } from '../actions/settings';
import { useSettings } from '../stores/settings';
import { KeyField } from './KeyField';
import { SettingsSection } from './SettingsSection';

/** The Gemini API key, kept in the keychain for every dataset: paste, test and save; test again; remove. */
export function KeySection({ focus, message }: { focus: boolean; message: string | null }) {
  const key = useSettings((s) => s.key);
  return (
    <SettingsSection
      title="Gemini API key"
      link={{ url: 'https://aistudio.google.com/apikey', text: 'Get a free key at Google AI Studio' }}
    >
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
    </SettingsSection>
  );
}
