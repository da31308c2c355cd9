import { useEffect } from 'react';
import { loadSettings } from '../actions/settings';
import { CaptioningSection } from '../components/CaptioningSection';
import { Dialog } from '../components/Dialog';
import { KeySection } from '../components/KeySection';
import { useUi } from '../stores/ui';

/** Settings: the API key first (it is what blocks people), then how captions are made. */
export function SettingsDialog({ focusKey, message }: { focusKey: boolean; message: string | null }) {
  const close = useUi((s) => s.close);
  useEffect(() => {
    void loadSettings();
  }, []);
  return (
    <Dialog title="Settings" onClose={close} width={680} className="settings-dialog">
      <KeySection focus={focusKey} message={message} />
      <CaptioningSection />
    </Dialog>
  );
}
