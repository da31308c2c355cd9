import { useEffect } from 'react';
import { flushDrafts, hasUnsavedEdits } from '../actions/captions';
import { api } from '../api';
import { backupDrafts } from '../lib/draft-backup';
import { useDrafts } from '../stores/drafts';
import { imageById, useWorkspace } from '../stores/workspace';

/** Quiet time after the last keystroke before a caption is saved even if the user never leaves the field. */
const IDLE_SAVE_MS = 1200;

/**
 * Belt and braces for "a typed caption is never lost": besides saving on blur and navigation, drafts are saved
 * after a short pause in typing, and closing the page with unsaved drafts flushes them (and, in the browser
 * preview, asks first; in Electron the main process guards the close and a prompt here would block it). Before
 * the app shuts down, main sends `flushDrafts`: every typed caption is saved, then main is told (it waits a couple
 * of seconds at most).
 */
export function useDraftSafety(): void {
  useEffect(() => {
    let timer: number | undefined;
    const saveWhenIdle = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        // One save per image at a time: if one is still on its way, wait for the next quiet moment.
        if (Object.keys(useDrafts.getState().saving).length > 0) saveWhenIdle();
        else void flushDrafts({ whileTyping: true });
      }, IDLE_SAVE_MS);
    };
    const unsubscribe = useDrafts.subscribe((state, prev) => {
      if (state.drafts === prev.drafts) return;
      // Kept in localStorage too, so a crash or a forced quit between a keystroke and its save loses nothing.
      const ws = useWorkspace.getState();
      if (ws.dataset) {
        const images = { get: (id: string) => imageById(ws, id) };
        backupDrafts(ws.dataset.id, state.drafts, images, ws.dataset.trigger);
      }
      if (hasUnsavedEdits()) saveWhenIdle();
    });
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!hasUnsavedEdits()) return;
      void flushDrafts({ whileTyping: true });
      if (!window.captionStudio) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const stopFlushListener = api.onFlushDrafts(() => void flushDrafts().finally(() => void api.draftsFlushed()));
    return () => {
      stopFlushListener();
      unsubscribe();
      window.clearTimeout(timer);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);
}
