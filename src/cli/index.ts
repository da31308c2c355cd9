#!/usr/bin/env node
// The `caption-studio` command line: the same services as the desktop app, for power users, scripts and our own
// acceptance tests. Run it with `npm run cli -- <command> ...`.
import { Command, InvalidArgumentError, Option } from 'commander';
import { GEMINI_MODELS } from '../shared/models';
import { runCaptionCommand } from './caption-command';
import { runCheckCommand } from './check-command';
import { runExportCommand } from './export-command';
import { withExportOptions } from './export-flags';
import { runKeyCommand } from './key-command';
import { runTrainCommand } from './train-command';

function positiveInt(name: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new InvalidArgumentError(`${name} must be a whole number from 1 to ${max}.`);
    return n;
  };
}

function positiveNumber(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a number above 0.`);
    return n;
  };
}

const EXPORT_HELP =
  '\nPresets: replicate (a ZIP of name.jpg + name.txt pairs; also what fal reads), ai-toolkit (a folder with\n' +
  'dataset/ and a ready config.yaml for a FLUX LoRA), kohya (N_trigger class/ holding the pairs), hf (Hugging\n' +
  'Face imagefolder: train/ with metadata.jsonl), beside (name.txt written next to each original; a different\n' +
  'existing one is kept as name.txt.bak first). GPS tags are removed from every exported image unless\n' +
  '--keep-location; nothing else in a copied image changes.\n';

const program = new Command()
  .name('caption-studio')
  .description(
    'Caption a folder of photos with Gemini or another model, check the dataset, export it for any LoRA trainer, ' +
      'and train a FLUX LoRA on Replicate.',
  )
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

withExportOptions(program.command('caption'))
  .description(
    'Import images, caption the ones without a caption, and write a ZIP of image + .txt pairs. Running the same ' +
      'command again on the same folder and trigger resumes the same dataset: finished captions are kept.',
  )
  .argument('<paths...>', 'folders (walked recursively) and/or image files')
  .requiredOption('-t, --trigger <word>', 'trigger word written into every caption (3-50 letters, digits, _)')
  .addOption(
    new Option('--provider <name>', 'who captions: Gemini, or a server speaking the OpenAI chat-completions API')
      .choices(['gemini', 'openai'])
      .default(undefined, "gemini, or the dataset's"),
  )
  .option(
    '--base-url <url>',
    'the OpenAI-compatible server (with --provider openai): Ollama http://127.0.0.1:11434/v1, LM Studio ' +
      'http://127.0.0.1:1234/v1, OpenRouter https://openrouter.ai/api/v1; its key from OPENAI_API_KEY if it needs one',
  )
  .addOption(
    new Option(
      '-m, --model <id>',
      `model id: a Gemini model (${GEMINI_MODELS.map((m) => m.id).join(', ')}, ...) or one of the server's`,
    ).default(undefined, "gemini-2.5-flash, or the dataset's"),
  )
  .option(
    '--fallback <ids>',
    'comma-separated models to move to when a model keeps failing or its daily quota is used up ' +
      '(default gemini-2.5-flash-lite,gemma-3-27b-it; "" for none)',
  )
  .option(
    '-c, --concurrency <n>',
    'images captioned at the same time (default 4; 2 on a local server)',
    positiveInt('--concurrency', 64),
  )
  .option(
    '-r, --rpm <n>',
    'requests per minute per model (free Gemini key: about 10; paid tier 1: 1000; a local server has no limit)',
    positiveInt('--rpm', 100_000),
  )
  .option(
    '--downscale <px>',
    'long side of the copy sent to the model, 256-4096 (default 1536)',
    positiveInt('--downscale', 4096),
  )
  .option('--prompt-file <file>', 'text file with the prompt template ({trigger} is replaced)')
  .option('--recaption', 'caption every image again, even those that already have a caption', false)
  .option(
    '--batch',
    'Gemini only: caption through the Batch API, half price with results within 24 hours; the job is saved in the ' +
      'dataset, so running the same command again picks it up (never a second job)',
    false,
  )
  .option('--no-wait', 'with --batch: submit the job (or check it once), print the summary, exit 4 while it runs')
  .option(
    '--poll-interval <seconds>',
    'with --batch: seconds between checks while waiting for the job (default 30)',
    positiveInt('--poll-interval', 86_400),
  )
  .option('--json', 'print one JSON object with the result on stdout (progress goes to stderr)', false)
  .addHelpText(
    'after',
    `${EXPORT_HELP}` +
      '\nAPI key: GEMINI_API_KEY or GOOGLE_API_KEY, else the OS keychain (store it with `caption-studio key set`);\n' +
      'an OpenAI-compatible server gets OPENAI_API_KEY, else the key the app stored for its address, else none.\n' +
      'Datasets live in the app data folder (CAPTION_STUDIO_DATA_DIR overrides it).\n' +
      'Exit codes: 0 exported; 1 some images have no caption or the export was refused (nothing written); 2 usage\n' +
      'error; 3 key, quota, lost connection or disk problem; 4 the batch job is still running at Gemini (--batch\n' +
      '--no-wait): run the same command later; 130 stopped with Ctrl+C (a batch job keeps running at Gemini).\n' +
      'Finished captions are always kept.',
  )
  .action(async (paths: string[], opts) => {
    process.exitCode = await runCaptionCommand(paths, opts);
  });

withExportOptions(program.command('export'))
  .description(
    'Export a dataset without captioning: opens the dataset of these folders and trigger as `caption` does (new ' +
      'files are imported) and writes it in the layout the preset names.',
  )
  .argument('<paths...>', 'the folders (and/or files) the dataset was made from')
  .requiredOption('-t, --trigger <word>', 'the trigger word of the dataset')
  .option('--json', 'print one JSON object with the result on stdout', false)
  .addHelpText(
    'after',
    `${EXPORT_HELP}\nExit codes: 0 exported; 1 an image has no caption or an original is missing (nothing written);\n` +
      '2 usage error; 3 disk problem; 130 stopped with Ctrl+C.',
  )
  .action(async (paths: string[], opts) => {
    process.exitCode = await runExportCommand(paths, opts);
  });

program
  .command('train')
  .description(
    'Train a FLUX LoRA on Replicate (ostris/flux-dev-lora-trainer, its latest version) from a captioned dataset: ' +
      'uploads the ZIP, creates the destination model (private) if needed, starts the training and follows it. ' +
      "Running it again follows the dataset's training instead of starting another (unless --new).",
  )
  .argument('<paths...>', 'the folders (and/or files) the dataset was made from')
  .requiredOption('-t, --trigger <word>', 'the trigger word of the dataset (sent to the trainer as it is)')
  .requiredOption('-d, --destination <owner/name>', 'the Replicate model the LoRA goes to (created private if missing)')
  .option('--steps <n>', "training steps (default: the trainer's, 1000)", positiveInt('--steps', 6000))
  .option('--rank <n>', "LoRA rank (default: the trainer's, 16)", positiveInt('--rank', 128))
  .option('--learning-rate <x>', "learning rate (default: the trainer's, 0.0004)", positiveNumber('--learning-rate'))
  .option(
    '--resize <px>',
    'scale images down to this long side in the upload (over the 100 MB limit: try 1024)',
    positiveInt('--resize', 8192),
  )
  .option('--no-wait', 'start (or look at) the training and exit: 4 while it runs')
  .option('--new', 'start a new training although the dataset has one', false)
  .option('--json', 'print {datasetId, training: {id, status, model, version, weights, url}} on stdout', false)
  .addHelpText(
    'after',
    '\nToken: REPLICATE_API_TOKEN, else the one the app stored in the OS keychain. REPLICATE_BASE_URL points the\n' +
      'client at another server. Images must all have a caption; GPS tags are removed from the upload.\n' +
      'Exit codes: 0 the training succeeded; 1 it failed or was cancelled, or images lack a caption (nothing sent);\n' +
      '2 usage error; 3 token, credit or connection problem; 4 still running (--no-wait); 130 stopped following\n' +
      'with Ctrl+C (the training goes on at Replicate).',
  )
  .action(async (paths: string[], opts) => {
    process.exitCode = await runTrainCommand(paths, opts);
  });

program
  .command('check')
  .description(
    'Check a dataset before training: missing or invalid captions, the trigger missing or in another case, ' +
      'phrases in nearly every caption, duplicate captions, captions past CLIP 77 / T5 512 tokens, hedging, ' +
      'near-duplicate images, low resolution, too few images. Opens or resumes the dataset for the same paths ' +
      'and trigger as `caption` (importing new files); never calls a model, so no key is needed.',
  )
  .argument('<paths...>', 'folders (walked recursively) and/or image files')
  .requiredOption('-t, --trigger <word>', 'trigger word of the dataset (3-50 letters, digits, _)')
  .option(
    '--json',
    'print one JSON object on stdout: {datasetId, findings: [{rule, severity, message, images: [paths]}]}',
    false,
  )
  .addHelpText(
    'after',
    '\nRules: missing-caption, trigger-missing, trigger-case (errors); shared-phrase, duplicate-caption,\n' +
      't5-truncated, hedging, near-duplicate-image, low-resolution, too-few-images (warnings); clip-truncated (info).\n' +
      'Exit codes: 0 no errors (warnings allowed); 1 errors found; 2 usage error; 3 the dataset could not be read\n' +
      'or written.',
  )
  .action(async (paths: string[], opts) => {
    process.exitCode = await runCheckCommand(paths, opts);
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
