import { useEffect, useState } from 'react';
import { type Toast, useToasts } from '../stores/toasts';
import { Icon } from './Icon';

const LIFETIME_MS = { success: 3500, info: 5000, error: 8000 } as const;

/**
 * Transient confirmations, top-right just below the header: clear of the run bar, the failed list and the
 * caption field they talk about. Newest first, announced politely to screen readers.
 */
export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  return (
    <section className="toasts" aria-live="polite" aria-label="Notifications">
      {[...toasts].reverse().map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </section>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useToasts((s) => s.dismiss);
  // Reading (hover) or reaching it by keyboard (focus) holds the toast; leaving starts its full time again.
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = window.setTimeout(() => dismiss(toast.id), LIFETIME_MS[toast.tone]);
    return () => window.clearTimeout(timer);
  }, [toast.id, toast.tone, dismiss, held]);
  const icon = toast.tone === 'success' ? 'check-circle' : toast.tone === 'error' ? 'alert-circle' : 'info';
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: it is a status/alert; hover and focus only pause its timer.
    <div
      className={`toast ${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <Icon name={icon} />
      <span className="toast-message">{toast.message}</span>
      {toast.action ? (
        <button
          type="button"
          className="link"
          onClick={() => {
            toast.action?.run();
            dismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button type="button" className="toast-close" aria-label="Dismiss notification" onClick={() => dismiss(toast.id)}>
        <Icon name="x" size={14} />
      </button>
    </div>
  );
}
