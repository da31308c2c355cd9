import { render, screen, within } from '@testing-library/react';
import { Editor } from '../../../src/renderer/src/components/Editor';
import { Toasts } from '../../../src/renderer/src/components/Toasts';
import { useDraftSafety } from '../../../src/renderer/src/hooks/useDraftSafety';
import { useEvents } from '../../../src/renderer/src/hooks/useEvents';
import { useKeyboardShortcuts } from '../../../src/renderer/src/hooks/useKeyboardShortcuts';

/**
 * The caption editor as the user has it in the workspace: the editor pane with the app's draft safety (App),
 * main's events (App), the workspace keyboard (WorkspaceScreen) and the toasts. The gallery is left out: it is
 * virtualised and needs the layout jsdom does not have; moving between images goes through the editor's
 * Previous/Next buttons and the J/K keys.
 */
function EditorWorkspace() {
  useDraftSafety();
  useEvents();
  useKeyboardShortcuts();
  return (
    <>
      <Editor />
      <Toasts />
    </>
  );
}

export function renderEditor(): void {
  render(<EditorWorkspace />);
}

const editor = () => screen.getByRole('complementary', { name: 'Caption editor' });

export const captionField = () => within(editor()).getByRole<HTMLTextAreaElement>('textbox', { name: 'Caption' });

/** The line under the field (its accessible description): validation, saving, save errors. */
export function fieldMessage(): string {
  const id = captionField().getAttribute('aria-describedby') ?? '';
  return document.getElementById(id)?.textContent ?? '';
}

/** The relPath of the image in the editor. */
export const editorTitle = () => within(editor()).getByRole('heading', { level: 2 }).textContent;

export const nextButton = () => within(editor()).getByRole('button', { name: 'Next image (J)' });
