// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { letTimePass, startUser } from '../../../../tests/support/dom/user';
import { Dialog } from './Dialog';

/**
 * The dialog's contract with its owner, on a minimal owner shaped like the real ones: React decides whether the
 * dialog is open, the dialog only reports that the user asked to close it (Escape, Close). Escape comes from the
 * browser, which may refuse to let a page refuse it twice (see tests/support/dom/dialog-polyfill.ts).
 */

let user: UserEvent;
const onClosed = vi.fn();

/** An owner with a button that opens the dialog, and a busy flag the test (the work) flips. */
function Owner({ busy = false, autofocusName = false }: { busy?: boolean; autofocusName?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Rename…
      </button>
      {open ? (
        <Dialog
          title="Rename dataset"
          busy={busy}
          onClose={() => {
            onClosed();
            setOpen(false);
          }}
        >
          <input aria-label="Name" data-autofocus={autofocusName ? true : undefined} />
        </Dialog>
      ) : null}
    </>
  );
}

async function openDialog(props: { busy?: boolean; autofocusName?: boolean } = {}) {
  const view = render(<Owner {...props} />);
  const opener = screen.getByRole('button', { name: 'Rename…' });
  await user.click(opener);
  return { ...view, opener, dialog: screen.getByRole('dialog', { name: 'Rename dataset' }) };
}

const dialogs = () => screen.queryAllByRole('dialog', { hidden: true });

beforeEach(() => {
  user = startUser();
  onClosed.mockClear();
});

describe('Dialog', () => {
  it('opens as a modal named by its title, with focus on its first control', async () => {
    const { dialog } = await openDialog();
    expect(dialog).toHaveProperty('open', true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
  });

  it('puts focus on the field marked data-autofocus instead', async () => {
    await openDialog({ autofocusName: true });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' }));
  });

  it('stays open once opened: a close event left over from an earlier close() is not a close', async () => {
    // StrictMode (as in the app) runs the opening effect twice; Chromium still delivers the first run's close.
    const { dialog } = await openDialog();
    await letTimePass(1000);
    expect(dialog).toHaveProperty('open', true);
    expect(onClosed).not.toHaveBeenCalled();
  });

  it('Escape closes an idle dialog, tells the owner once, and gives focus back to what opened it', async () => {
    const { opener } = await openDialog({ autofocusName: true });
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Dogs');
    await user.keyboard('{Escape}');
    await letTimePass(1000);
    expect(dialogs()).toEqual([]);
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(opener);
  });

  it('the Close button does the same', async () => {
    const { opener } = await openDialog();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await letTimePass(1000);
    expect(dialogs()).toEqual([]);
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(opener);
  });

  it('a busy dialog refuses Escape, and its Close button is disabled', async () => {
    const { dialog } = await openDialog({ busy: true, autofocusName: true });
    expect(screen.getByRole('button', { name: 'Close' })).toHaveProperty('disabled', true);
    await user.keyboard('{Escape}');
    await letTimePass(1000);
    expect(dialog).toHaveProperty('open', true);
    expect(onClosed).not.toHaveBeenCalled();
  });

  it('a busy dialog the browser closes anyway (a second Escape) opens again and stays usable', async () => {
    const { dialog } = await openDialog({ busy: true, autofocusName: true });
    await user.keyboard('{Escape}');
    // No click or other key in between: this cancel cannot be refused, so the browser closes the dialog.
    await user.keyboard('{Escape}');
    await letTimePass(1000);
    expect(dialog).toHaveProperty('open', true);
    expect(onClosed).not.toHaveBeenCalled();
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.type(name, 'Cats');
    expect(name).toHaveProperty('value', 'Cats');
  });

  it('once the work is done, Escape closes it, even when the browser no longer lets it be refused', async () => {
    const { dialog, rerender, opener } = await openDialog({ busy: true });
    await user.keyboard('{Escape}');
    expect(dialog).toHaveProperty('open', true);
    rerender(<Owner busy={false} />);
    // The work ended on its own (no click): this Escape cannot be refused; the owner still hears of it.
    await user.keyboard('{Escape}');
    await letTimePass(1000);
    expect(dialogs()).toEqual([]);
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(opener);
  });
});
