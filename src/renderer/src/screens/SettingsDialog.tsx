import { useEffect } from 'react';
import { loadSettings } from '../actions/settings';
import { CaptioningSettings } from '../components/CaptioningSettings';
import { Dialog } from '../components/Dialog';
import { useUi } from '../stores/ui';

/**
 * Settings: who writes the captions and its key first (it is what blocks people), then the model and its
 * fallbacks, then speed, image size and prompt.
 */
export function SettingsDialog({ focusKey, message }: { focusKey: boolean; message: string | null }) {
  const close = useUi((s) => s.close);
  useEffect(() => {
    void loadSettings();
  }, []);
  return (
    <Dialog title="Settings" onClose={close} width={680} className="settings-dialog">
      <CaptioningSettings focusKey={focusKey} message={message} />
    </Dialog>
  );
}
