import { resolve } from 'node:path';
import { appPaths } from '../main/services/app-paths';
import type { RunProgress, RunSummary } from '../main/services/captioner';
import { stoppedRunSummary } from '../main/services/captioner/stopped-summary';
import { defaultZipName, exportZip } from '../main/services/exporter';
import { createKeychainStore, resolveApiKey } from '../main/services/secrets';
import { createSessionStore, type SessionStore } from '../main/services/sessions';
import { captionSession, selectJobs } from '../main/services/workflow/caption-session';
import { importIntoSession } from '../main/services/workflow/import-into-session';
import { triggerError } from '../shared/caption';
import { isAppError } from '../shared/errors';
import { createProgressReporter, type ProgressReporter } from './progress';
import { openOrCreateSession, type SettingsFlags } from './session-setup';
import { buildResult, formatSummary, uncaptioned } from './summary';

export interface CaptionFlags extends SettingsFlags {
  trigger: string;
  out?: string;
  recaption: boolean;
  json: boolean;
}

/** 130 = 128 + SIGINT, the shell's convention for a command the user stopped with Ctrl+C. */
export const EXIT = { ok: 0, incomplete: 1, usage: 2, fatal: 3, interrupted: 130 } as const;

/** import -> caption what is missing -> export, resuming the session for the same folder and trigger. */
export async function runCaptionCommand(paths: string[], flags: CaptionFlags): Promise<number> {
  const problem = triggerError(flags.trigger);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    return EXIT.usage;
  }
  const store = createSessionStore(appPaths());
  const progress = createProgressReporter();
  const stop = new AbortController();
  const onSigint = () => {
    if (stop.signal.aborted) process.exit(130);
    progress.line('Stopping… captions received so far are saved. Press Ctrl+C again to quit at once.');
    stop.abort(new Error('Cancelled by the user.'));
  };
  process.on('SIGINT', onSigint);
  try {
    return await captionFlow(store, paths, flags, progress, stop.signal);
  } catch (e) {
    progress.stop();
    process.stderr.write(`${isAppError(e) || e instanceof Error ? e.message : String(e)}\n`);
    if (stop.signal.aborted) return EXIT.interrupted;
    return isAppError(e) && e.kind === 'validation' ? EXIT.usage : EXIT.fatal;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function captionFlow(
  store: SessionStore,
  paths: string[],
  flags: CaptionFlags,
  progress: ProgressReporter,
  signal: AbortSignal,
): Promise<number> {
  const { manifest: opened, resumed } = await openOrCreateSession(store, paths, flags.trigger, flags);
  progress.line(
    `${resumed ? 'Resuming' : 'New'} session ${opened.id} (${opened.settings.model}, ${opened.settings.rpm} requests/min)`,
  );
  let run: RunSummary | null = null;
  let error: string | null = null;
  let lostConnection = false;
  const imported = await importIntoSession(store, opened.id, paths, {
    signal,
    onProgress: (p) => progress.importing(p),
  }).catch((e: unknown) => {
    // An import is all or nothing: stopped, it adds nothing, and the summary below still reports the session.
    if (!signal.aborted) throw e;
    error = 'Import stopped: nothing new was added. Run the same command again to continue.';
    return null;
  });
  progress.stop();
  if (imported) {
    progress.line(`Imported ${imported.added.length} new image(s); ${imported.manifest.images.length} in the session.`);
  }

  const jobs = imported ? selectJobs(imported.manifest.images, { recaption: flags.recaption }) : [];
  if (jobs.length > 0 && !signal.aborted) {
    const key = await resolveApiKey(createKeychainStore());
    if (!key) {
      error = 'No Gemini API key: set GEMINI_API_KEY, or store one with `npm run cli -- key set`.';
    } else {
      let last: RunProgress | null = null;
      const startedAt = Date.now();
      const handle = await captionSession(store, opened.id, {
        apiKey: key.key,
        recaption: flags.recaption,
        signal,
        onProgress: (p) => {
          last = p;
          progress.captioning(p);
        },
      });
      try {
        run = await handle.done;
        if (run.message) error = run.message;
      } catch (e) {
        // Gemini stayed unreachable: every caption received is saved; the summary says what was done and is left.
        if (!isAppError(e) || e.kind !== 'network') throw e;
        error = e.message;
        lostConnection = true;
        run = stoppedRunSummary(last, jobs.length, e.message, Date.now() - startedAt);
      }
      progress.stop();
    }
  }

  const manifest = await store.load(opened.id);
  const warnings: string[] = [];
  let zip: string | null = null;
  let exportRefused = false;
  if (uncaptioned(manifest).length === 0 && !signal.aborted && error === null) {
    const outPath = resolve(flags.out ?? defaultZipName(manifest.trigger));
    try {
      const report = await exportZip({ images: manifest.images, trigger: manifest.trigger, outPath, signal });
      warnings.push(...report.warnings.map((w) => `${w.relPath}: ${w.message}`));
      zip = report.path;
    } catch (e) {
      // Refused (an original is missing, nothing to export) or stopped: the summary says why; no ZIP is written.
      if (!signal.aborted && !(isAppError(e) && e.kind === 'validation')) throw e;
      error = signal.aborted ? 'Export stopped: no ZIP was written.' : (e as Error).message;
      exportRefused = !signal.aborted;
    }
  }
  const result = buildResult(manifest, { zip, run, error, warnings });
  if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  process.stderr.write(`${formatSummary(result, manifest)}\n`);
  if (zip) return EXIT.ok;
  if (signal.aborted) return EXIT.interrupted;
  if (exportRefused) return EXIT.incomplete;
  if (run && (run.status === 'invalid-key' || run.status === 'model-not-found' || run.status === 'quota-exhausted'))
    return EXIT.fatal;
  if (lostConnection || (error && !run)) return EXIT.fatal;
  return EXIT.incomplete;
}
