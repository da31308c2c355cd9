import { app, clipboard, dialog } from 'electron';
import { redact } from '../core/log';
import type { Logger } from '../core/ports';

/**
 * What happens when main throws where nobody catches: the error is logged (redacted) and the user sees a dialog
 * ("Copy details", "Quit", "Continue") instead of a silent exit or a half-dead app. The decisions (what to show,
 * when a dialog would be one too many) are plain functions over injected ports; `installCrashHandlers` is the thin
 * Electron wiring.
 */

export type CrashKind = 'uncaughtException' | 'unhandledRejection';
export type CrashChoice = 'copy' | 'quit' | 'continue';

export const CRASH_TITLE = 'Caption Studio ran into a problem';
export const CRASH_BUTTONS = ['Copy details', 'Quit', 'Continue'] as const;
const CHOICES: readonly CrashChoice[] = ['copy', 'quit', 'continue'];

function choiceOf(response: number): CrashChoice {
  return CHOICES[response] ?? 'continue';
}

export interface CrashPorts {
  log: Logger;
  /** Shows the dialog and resolves with the user's choice. */
  ask(message: string): Promise<CrashChoice>;
  copy(text: string): void;
  quit(): void;
  now(): number;
  /** App, Electron and OS versions for the copied details. */
  environment: string;
}

export interface CrashLimits {
  /** No new dialog sooner than this after the previous one was shown. */
  minIntervalMs?: number;
  /** After this many dialogs in one dataset, errors are only logged. */
  maxDialogs?: number;
}

function summarize(error: unknown): { message: string; stack: string } {
  if (error instanceof Error) return { message: error.message || error.name, stack: error.stack ?? error.message };
  const text =
    typeof error === 'string'
      ? error
      : (() => {
          try {
            return JSON.stringify(error) ?? String(error);
          } catch {
            return String(error);
          }
        })();
  return { message: text, stack: text };
}

/** The copied text: enough for a bug report, with keys and home paths removed. */
export function crashDetails(kind: CrashKind, error: unknown, environment: string): string {
  return redact(`${environment}\n${kind}: ${summarize(error).stack}`);
}

/** One dialog at a time, spaced out and capped, so an error in a loop cannot bury the user in dialogs. */
export function createCrashHandler(ports: CrashPorts, limits: CrashLimits = {}) {
  const minInterval = limits.minIntervalMs ?? 10_000;
  const maxDialogs = limits.maxDialogs ?? 3;
  let open = false;
  let shown = 0;
  let lastShownAt = Number.NEGATIVE_INFINITY;

  async function show(kind: CrashKind, error: unknown): Promise<void> {
    const message = redact(summarize(error).message);
    const details = crashDetails(kind, error, ports.environment);
    // "Copy details" copies and asks again, so the user still decides between quitting and continuing.
    for (let round = 0; round < 5; round++) {
      const choice = await ports.ask(message);
      if (choice === 'copy') {
        ports.copy(details);
        continue;
      }
      if (choice === 'quit') ports.quit();
      return;
    }
  }

  return function handle(kind: CrashKind, error: unknown): void {
    ports.log.error(kind === 'uncaughtException' ? 'Uncaught exception' : 'Unhandled promise rejection', error);
    const now = ports.now();
    if (open || shown >= maxDialogs || now - lastShownAt < minInterval) return;
    open = true;
    shown += 1;
    lastShownAt = now;
    show(kind, error)
      .catch((e: unknown) => ports.log.error('The problem dialog failed', e))
      .finally(() => {
        open = false;
      });
  };
}

/** Call first thing in main. Quit goes through app.quit, so the quit guard still saves captions. */
export function installCrashHandlers(log: Logger): void {
  const handle = createCrashHandler({
    log,
    async ask(message) {
      // Before `ready` only the plain error box exists; it has no buttons, so that case continues.
      if (!app.isReady()) {
        dialog.showErrorBox(CRASH_TITLE, message);
        return 'continue';
      }
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: CRASH_TITLE,
        message: CRASH_TITLE,
        detail: `${message}\n\nYou can keep working, but if things look wrong, quit and reopen Caption Studio.`,
        buttons: [...CRASH_BUTTONS],
        defaultId: 2,
        cancelId: 2,
        noLink: true,
      });
      return choiceOf(response);
    },
    copy: (text) => clipboard.writeText(text),
    quit: () => app.quit(),
    now: () => Date.now(),
    environment: `Caption Studio ${app.getVersion()} (Electron ${process.versions.electron ?? '?'}, ${process.platform} ${process.arch})`,
  });
  process.on('uncaughtException', (e) => handle('uncaughtException', e));
  process.on('unhandledRejection', (e) => handle('unhandledRejection', e));
}
