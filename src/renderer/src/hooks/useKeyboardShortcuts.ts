import { useEffect } from 'react';
import { openBulkEdit } from '../actions/bulk';
import { undoOrRedo } from '../actions/history';
import { setExcluded } from '../actions/images';
import { move, saveAndNext } from '../actions/navigation';
import { regenerate } from '../actions/regenerate';
import { SEARCH_FIELD_ID } from '../components/SearchBar';
import { IS_MAC } from '../lib/platform';
import { type Command, commandFor } from '../lib/shortcuts';
import { isRunActive, useRun } from '../stores/run';
import { toast } from '../stores/toasts';
import { useUi } from '../stores/ui';
import { currentImage, useWorkspace } from '../stores/workspace';

/** Commands with a modifier (or leaving a field): they act wherever focus is, as they press no button. */
const MODIFIED = new Set<Command['type']>(['save-and-next', 'regenerate', 'leave-field', 'select-all', 'undo', 'redo']);

const isFind = (e: KeyboardEvent) => e.key === 'f' || e.key === 'F';

const isTextField = (el: Element | null) =>
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(el.type));

/**
 * The workspace's keyboard: the table lives in lib/shortcuts (pure, tested); this hook feeds it DOM events.
 * Plain keys only act when the gallery (or nothing) has focus, so Enter on a button still presses the button.
 */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const target = document.activeElement;
      // Dialogs (including the preview's path prompt) own the keyboard while open.
      if (e.defaultPrevented || e.isComposing || useUi.getState().dialog || target?.closest('dialog')) return;
      const inTextField = isTextField(target);
      const command = commandFor({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        shiftKey: e.shiftKey,
        altKey: e.altKey,
        inTextField,
        mac: IS_MAC,
      });
      if (!command) return;
      const plain = !MODIFIED.has(command.type) && !(command.type === 'find' && isFind(e));
      // data-shortcuts="gallery" takes every plain key; "move" (the editor's previous/next) only the moving ones.
      const zone = target?.closest<HTMLElement>('[data-shortcuts]')?.dataset.shortcuts;
      const accepts = target === document.body || zone === 'gallery' || (zone === 'move' && command.type === 'move');
      if (plain && !accepts) return;
      e.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

function run(command: Command): void {
  const ui = useUi.getState();
  const ws = useWorkspace.getState();
  switch (command.type) {
    case 'move':
      move(command.move);
      return;
    case 'extend':
      move(command.move, true);
      return;
    case 'select-all':
      ws.selectVisible();
      return;
    case 'bulk-edit':
      openBulkEdit();
      return;
    case 'undo':
    case 'redo':
      void undoOrRedo(command.type);
      return;
    case 'find':
      document.getElementById(SEARCH_FIELD_ID)?.focus();
      return;
    case 'edit':
      ui.focusCaption();
      return;
    case 'leave-field':
      // Blurring saves the caption (autosave on blur); the gallery takes the keyboard back.
      (document.activeElement as HTMLElement | null)?.blur();
      ui.focusGallery();
      return;
    case 'save-and-next':
      saveAndNext();
      return;
    case 'regenerate': {
      const image = currentImage(ws);
      if (!image) return;
      if (isRunActive(useRun.getState())) toast('info', 'A run is going; regenerate when it has finished.');
      else void regenerate(image.id);
      return;
    }
    case 'toggle-exclude': {
      const image = currentImage(ws);
      if (image) void setExcluded([...ws.selected], !image.excluded);
      return;
    }
    case 'clear-selection':
      if (ws.currentId && ws.selected.size > 1) ws.select(ws.currentId);
      return;
  }
}
