#!/usr/bin/env node
// The `caption-studio` command line: the same services as the desktop app, for power users, scripts and our own
// acceptance tests. Run it with `npm run cli -- <command> ...`.
import { Command, InvalidArgumentError, Option } from 'commander';
import { MODELS } from '../shared/models';
import { runCaptionCommand } from './caption-command';
import { runKeyCommand } from './key-command';

function positiveInt(name: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new InvalidArgumentError(`${name} must be a whole number from 1 to ${max}.`);
    return n;
  };
}

const program = new Command()
  .name('caption-studio')
  .description('Caption a folder of photos with Google Gemini and export a trainer-ready LoRA dataset.')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

program
  .command('caption')
  .description(
    'Import images, caption the ones without a caption, and write a ZIP of image + .txt pairs. Running the same ' +
      'command again on the same folder and trigger resumes the same dataset: finished captions are kept.',
  )
  .argument('<paths...>', 'folders (walked recursively) and/or image files')
  .requiredOption('-t, --trigger <word>', 'trigger word written into every caption (3-50 letters, digits, _)')
  .option('-o, --out <file.zip>', 'where to write the ZIP (default: ./<trigger>_training.zip)')
  .addOption(
    new Option('-m, --model <id>', `Gemini model (${MODELS.map((m) => m.id).join(', ')} or any model id)`).default(
      undefined,
      "gemini-2.5-flash, or the dataset's",
    ),
  )
  .option(
    '--fallback <ids>',
    'comma-separated models to fall back to when the model keeps failing (default gemini-2.5-flash-lite; "" for none)',
  )
  .option('-c, --concurrency <n>', 'images captioned at the same time (default 4)', positiveInt('--concurrency', 64))
  .option(
    '-r, --rpm <n>',
    'requests per minute per model (free tier: about 10; paid tier 1: 1000)',
    positiveInt('--rpm', 100_000),
  )
  .option(
    '--downscale <px>',
    'long side of the copy sent to Gemini, 256-4096 (default 1536)',
    positiveInt('--downscale', 4096),
  )
  .option('--prompt-file <file>', 'text file with the prompt template ({trigger} is replaced)')
  .option('--recaption', 'caption every image again, even those that already have a caption', false)
  .option('--json', 'print one JSON object with the result on stdout (progress goes to stderr)', false)
  .addHelpText(
    'after',
    '\nAPI key: GEMINI_API_KEY or GOOGLE_API_KEY, else the OS keychain (store it with `caption-studio key set`).\n' +
      'Datasets live in the app data folder (CAPTION_STUDIO_DATA_DIR overrides it).\n' +
      'Exit codes: 0 ZIP written; 1 some images have no caption or the export was refused (no ZIP); 2 usage\n' +
      'error; 3 key, quota, lost connection or disk problem; 130 stopped with Ctrl+C. Finished captions are always kept.',
  )
  .action(async (paths: string[], opts) => {
    process.exitCode = await runCaptionCommand(paths, opts);
  });

program
  .command('key')
  .description('Manage the Gemini API key stored in the OS keychain')
  .addArgument(
    new Command()
      .createArgument('<action>', 'set (reads the key from stdin), status, or remove')
      .choices(['set', 'status', 'remove']),
  )
  .action(async (action: 'set' | 'status' | 'remove') => {
    process.exitCode = await runKeyCommand(action);
  });

await program.parseAsync(process.argv);
