import { useEffect } from 'react';
import { loadReplicateToken, removeReplicateToken, saveReplicateToken } from '../actions/training';
import { useTraining } from '../stores/training';
import { KeyField } from './KeyField';
import { SettingsSection } from './SettingsSection';

/** Replicate's page where an account makes API tokens (allow-listed in main's external-link policy). */
const TOKEN_PAGE = 'https://replicate.com/account/api-tokens';

/**
 * The Replicate API token that training uses, kept in the keychain: tested against Replicate before it is saved
 * (nothing spent), shown masked, removable; REPLICATE_API_TOKEN in the environment is named as the source when
 * set. In Settings, and in the Train dialog when there is no token yet or Replicate refused it.
 */
export function ReplicateToken({ focus, message }: { focus: boolean; message: string | null }) {
  const token = useTraining((s) => s.token);
  useEffect(() => {
    loadReplicateToken().catch(() => useTraining.getState().setToken({ present: false, source: null, masked: null }));
  }, []);
  return (
    <SettingsSection
      title="Replicate API token (for training)"
      link={{ url: TOKEN_PAGE, text: 'Get a token at Replicate' }}
    >
      <KeyField
        status={token}
        envName="REPLICATE_API_TOKEN"
        emptyText="No token yet. Training a LoRA on Replicate needs one; it is only ever sent to Replicate."
        labels={{ empty: 'Replicate API token', present: 'Replace the Replicate API token' }}
        placeholder={{
          empty: 'Paste your token (it starts with r8_)',
          present: 'Paste a new token to replace it',
          environment: 'Save a token here for when REPLICATE_API_TOKEN is not set',
        }}
        said={{
          save: 'Replicate accepted the token; it is saved in your system keychain.',
          remove: 'The token was removed from this computer.',
        }}
        save={saveReplicateToken}
        remove={removeReplicateToken}
        focus={focus}
        message={message}
      />
    </SettingsSection>
  );
}
