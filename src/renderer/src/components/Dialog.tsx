import { type ReactNode, useId, useLayoutEffect, useRef } from 'react';
import { Icon } from './Icon';

interface DialogProps {
  title: string;
  /** One line under the title. */
  subtitle?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  width?: number;
  /** While work runs the dialog cannot be dismissed with Escape or the close button. */
  busy?: boolean;
  className?: string;
}

/**
 * A modal on the native <dialog> element: the browser gives it the top layer, a focus trap, inert background
 * and Escape; we only translate Escape into onClose so React stays the owner of whether it is open.
 */
export function Dialog({ title, subtitle, onClose, children, footer, width = 520, busy, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const busyRef = useRef(busy);
  busyRef.current = busy;

  // A layout effect, so the cleanup below runs while the dialog is still in the document: the browser gives focus
  // back to what had it before only when a modal closes in place (removed first, it is no longer modal).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (!el.open) el.showModal();
    // showModal focuses the first focusable element (the close button); prefer the field the dialog is about.
    el.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const onCancel = (e: Event) => {
      e.preventDefault();
      // An uncancellable cancel (below) closes the dialog anyway; the close handler deals with that one.
      if (!busyRef.current && e.cancelable) closeRef.current();
    };
    // Chromium lets a second Escape with no click in between close a modal even though its cancel is refused
    // (close-watcher abuse rules). A busy dialog opens again; an idle one tells React it is gone, or every
    // shortcut would stay blocked behind a dialog nobody can see.
    const onClosed = () => {
      // The close event comes a task after close(): one reaching an open dialog belongs to an earlier close (in
      // development StrictMode runs this effect twice, closing and reopening at once), not to this opening.
      if (el.open) return;
      if (busyRef.current) el.showModal();
      else closeRef.current();
    };
    el.addEventListener('cancel', onCancel);
    el.addEventListener('close', onClosed);
    return () => {
      el.removeEventListener('cancel', onCancel);
      el.removeEventListener('close', onClosed);
      if (el.open) el.close();
    };
  }, []);

  return (
    <dialog ref={ref} className={`dialog ${className ?? ''}`} style={{ width }} aria-labelledby={titleId}>
      <header className="dialog-header">
        <div className="dialog-titles">
          <h2 id={titleId}>{title}</h2>
          {subtitle ? <p className="muted">{subtitle}</p> : null}
        </div>
        <button type="button" className="btn btn-ghost icon-btn" aria-label="Close" disabled={busy} onClick={onClose}>
          <Icon name="x" />
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer ? <footer className="dialog-footer">{footer}</footer> : null}
    </dialog>
  );
}
