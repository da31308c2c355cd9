/**
 * Where native dialogs do not exist (the browser preview), the bridge asks the page for a path instead. The UI
 * registers a handler that shows its in-page PathPrompt; the bridge calls askForPath.
 */
type PathPromptKind = 'folder' | 'files' | 'save';

export interface PathPromptRequest {
  kind: PathPromptKind;
  /** Suggested value (the default file name for `save`). */
  defaultValue?: string;
}

type Handler = (request: PathPromptRequest) => Promise<string[] | null>;

let handler: Handler | null = null;

export function setPathPromptHandler(next: Handler | null): void {
  handler = next;
}

/** The chosen absolute path(s), or null when the user cancels (or no prompt is mounted). */
export function askForPath(request: PathPromptRequest): Promise<string[] | null> {
  return handler ? handler(request) : Promise.resolve(null);
}
