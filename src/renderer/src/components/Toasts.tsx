import { useEffect } from 'react';
import { type Toast, useToasts } from '../stores/toasts';
import { Icon } from './Icon';

const LIFETIME_MS = { success: 3500, info: 4500, error: 8000 } as const;

/** Transient confirmations, bottom-centre, announced politely to screen readers. */
export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  return (
    <section className="toasts" aria-live="polite" aria-label="Notifications">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </section>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useToasts((s) => s.dismiss);
  useEffect(() => {
    const timer = window.setTimeout(() => dismiss(toast.id), LIFETIME_MS[toast.tone]);
    return () => window.clearTimeout(timer);
  }, [toast.id, toast.tone, dismiss]);
  const icon = toast.tone === 'success' ? 'check-circle' : toast.tone === 'error' ? 'alert-circle' : 'info';
  return (
    <div className={`toast ${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
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
