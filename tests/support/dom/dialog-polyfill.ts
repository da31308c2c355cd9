/**
 * jsdom (31) has `<dialog>` without behaviour: it reflects `open` and nothing else (no showModal, no close, no
 * Escape). This fills in what the app relies on, modelled on the HTML spec as Chromium, the app's engine, behaves
 * (each point was checked in Debian's Chromium):
 *
 * - showModal() opens the dialog as a modal, remembers the element that had focus and focuses the first
 *   `autofocus` element inside, else the first focusable one. With nothing focusable inside, Chromium focuses
 *   the dialog itself; jsdom cannot focus an element without tabindex, so here focus goes to the body: in both,
 *   nothing behind the modal keeps it.
 * - close() drops `open` and gives focus back to the remembered element, but only if the dialog was still a modal
 *   in the document: a dialog removed from the document stops being modal, so closing it afterwards gives
 *   nothing back. The `close` event follows in a later task, even if the dialog has been opened again meanwhile.
 * - Escape (a keydown nobody prevented) sends the topmost modal a `cancel` event and closes it unless the event
 *   is refused. A page may not refuse twice without the user doing something in between (close-watcher abuse
 *   rules): after a refused cancel, the next one is cancelable only if a click or another key came first;
 *   otherwise it is not cancelable and the dialog closes anyway. (Chromium sometimes allows one more refusal
 *   than this; the component must cope with both, which is what the tests check.)
 *
 * Not modelled: the top layer and the inert background (clicks and focus outside a modal are not blocked).
 */

const modals: HTMLDialogElement[] = [];
const previouslyFocused = new WeakMap<HTMLDialogElement, Element | null>();
/** Whether the next cancel may be refused: a user activation grants it, a refused cancel uses it up. */
let mayRefuseCancel = true;

const FOCUSABLE = 'button, input:not([type="hidden"]), select, textarea, a[href], [tabindex], [contenteditable]';

function focusTarget(dialog: HTMLDialogElement): HTMLElement | null {
  const candidates = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.matches(':disabled') && el.closest('[hidden]') === null,
  );
  return candidates.find((el) => el.hasAttribute('autofocus')) ?? candidates[0] ?? null;
}

function isModal(dialog: HTMLDialogElement): boolean {
  return modals.includes(dialog) && dialog.isConnected && dialog.open;
}

function showModal(this: HTMLDialogElement): void {
  if (this.open) {
    if (isModal(this)) return;
    throw new DOMException('The dialog is already open as a non-modal dialog.', 'InvalidStateError');
  }
  if (!this.isConnected) throw new DOMException('The dialog is not in a document.', 'InvalidStateError');
  previouslyFocused.set(this, this.ownerDocument.activeElement);
  modals.push(this);
  this.setAttribute('open', '');
  const target = focusTarget(this);
  if (target) target.focus();
  else (this.ownerDocument.activeElement as HTMLElement | null)?.blur();
}

function close(this: HTMLDialogElement): void {
  if (!this.open) return;
  const wasModal = isModal(this);
  modals.splice(modals.indexOf(this), 1);
  const doc = this.ownerDocument;
  const focusWasInside = this.contains(doc.activeElement);
  this.removeAttribute('open');
  // A closed dialog is not rendered, so nothing inside it keeps focus (jsdom has no layout to notice).
  if (focusWasInside) (doc.activeElement as HTMLElement | null)?.blur();
  const back = previouslyFocused.get(this);
  previouslyFocused.delete(this);
  if (back instanceof HTMLElement && (wasModal || focusWasInside)) back.focus();
  setTimeout(() => this.dispatchEvent(new Event('close')), 0);
}

/** Escape: the topmost modal is asked to close (cancel), and closes unless it refused and was allowed to. */
function requestClose(): void {
  const dialog = modals.filter(isModal).at(-1);
  if (!dialog) return;
  const cancel = new Event('cancel', { cancelable: mayRefuseCancel });
  if (!dialog.dispatchEvent(cancel)) {
    mayRefuseCancel = false;
    return;
  }
  close.call(dialog);
}

/** What the browser does once an input event has gone through every listener (its default action). */
function afterDispatch(event: Event): void {
  if (event.type === 'keydown' && (event as KeyboardEvent).key === 'Escape') {
    if (!event.defaultPrevented) requestClose();
  } else if (event.type === 'keydown' || event.type === 'mousedown' || event.type === 'pointerdown') {
    mayRefuseCancel = true;
  }
}

/** Installs the dialog behaviour into jsdom's window (once per test file; a no-op when already there). */
export function installDialogPolyfill(win: Window & typeof globalThis): void {
  const proto = win.HTMLDialogElement.prototype;
  if (typeof proto.showModal === 'function') return;
  proto.showModal = showModal;
  proto.close = close;
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  win.EventTarget.prototype.dispatchEvent = function dispatchWithDefaultActions(this: EventTarget, event: Event) {
    const result = dispatch.call(this, event);
    afterDispatch(event);
    return result;
  };
}

/** A fresh page between tests: no modal open, and the user has not refused anything yet. */
export function resetDialogPolyfill(): void {
  modals.length = 0;
  mayRefuseCancel = true;
}
