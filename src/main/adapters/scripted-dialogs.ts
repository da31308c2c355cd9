import type { Dialogs } from '../../core/ports';

/**
 * End-to-end tests cannot click native dialogs, so an unpackaged build reads the answers from
 * CAPTION_STUDIO_TEST_DIALOG_PATHS, e.g. `{"folder":["/tmp/photos"],"save":"/tmp/out.zip"}`. A missing answer
 * means "cancelled". index.ts never enables this in a packaged app.
 */
export const TEST_DIALOG_ENV = 'CAPTION_STUDIO_TEST_DIALOG_PATHS';

interface Script {
  folder?: string[];
  files?: string[];
  save?: string;
}

const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s !== '');

export function scriptedDialogsFromEnv(env: NodeJS.ProcessEnv): Dialogs | null {
  const raw = env[TEST_DIALOG_ENV];
  if (!raw) return null;
  const parsed = JSON.parse(raw) as unknown;
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${TEST_DIALOG_ENV} must be a JSON object.`);
  const script = parsed as Record<string, unknown>;
  const answers: Script = {
    ...(isStrings(script.folder) ? { folder: script.folder } : {}),
    ...(isStrings(script.files) ? { files: script.files } : {}),
    ...(typeof script.save === 'string' && script.save !== '' ? { save: script.save } : {}),
  };
  return {
    chooseFolder: async () => answers.folder ?? null,
    chooseFiles: async () => answers.files ?? null,
    chooseSavePath: async () => answers.save ?? null,
  };
}
