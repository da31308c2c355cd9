#!/usr/bin/env node
// Runs Electronegativity over src/ and fails when a finding of MEDIUM severity or above is not in the checked-in
// suppression list (security/electronegativity-suppressions.json, one written reason per check + file).
// Usage: node scripts/security-scan.mjs [--input DIR] [--suppressions FILE] [--report FILE.sarif]
//
// Why not the `electronegativity` CLI: its dependencies resolve this repo's top-level packages instead of the
// versions it was written for. @typescript-eslint/typescript-estree 4 needs TypeScript's JS API, which
// TypeScript 7 (native) no longer has, and the CLI's commander 2 calls are gone in commander 15. So this script
// calls the runner directly and points `typescript` (for typescript-estree only) at the TypeScript 4.2 that
// Electronegativity ships in its own node_modules. No package.json change is needed.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = resolve(import.meta.dirname, '..');
const SEVERITY_ORDER = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];
const FAIL_AT = SEVERITY_ORDER.indexOf('MEDIUM');

const { values } = parseArgs({
  options: {
    input: { type: 'string', default: join(REPO, 'src') },
    suppressions: { type: 'string', default: join(REPO, 'security/electronegativity-suppressions.json') },
    report: { type: 'string' },
  },
});

const requireFromRepo = createRequire(join(REPO, 'package.json'));
const enegDir = resolve(requireFromRepo.resolve('@doyensec/electronegativity/package.json'), '..');
const privateTypeScript = pathToFileURL(join(enegDir, 'node_modules/typescript/lib/typescript.js')).href;
// Electronegativity also goes online: translations from S3 and Electron's release list from GitHub (written into
// its own node_modules). Both are swapped for an always-offline `got`, which its code treats as "no connectivity",
// so the scan is the same on every machine. Electron's own advisories are npm audit's job.
const OFFLINE_GOT = 'caption-studio-offline:got';
const offlineGot = `const offline = () => Promise.reject(new Error('offline (scripts/security-scan.mjs)'));
module.exports = Object.assign(offline, { head: offline, get: offline, default: offline });`;
registerHooks({
  resolve(specifier, context, next) {
    const parent = context.parentURL ?? '';
    if (specifier === 'typescript' && parent.includes('/@typescript-eslint/')) {
      return { url: privateTypeScript, format: 'commonjs', shortCircuit: true };
    }
    if (specifier === 'got' && parent.includes('/@doyensec/electronegativity/')) {
      return { url: OFFLINE_GOT, format: 'commonjs', shortCircuit: true };
    }
    return next(specifier, context);
  },
  load(url, context, next) {
    if (url === OFFLINE_GOT) return { format: 'commonjs', source: offlineGot, shortCircuit: true };
    return next(url, context);
  },
});

const run = requireFromRepo('@doyensec/electronegativity/dist/runner.js');
const electronVersion = JSON.parse(readFileSync(requireFromRepo.resolve('electron/package.json'), 'utf8')).version;
const report = values.report ?? join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'report.sarif');
const input = resolve(values.input);

const result = await run({
  input,
  isRelative: true,
  electronVersionOverride: electronVersion,
  output: report,
  isSarif: true,
});

// Finding paths are relative to the input; forward slashes so the list matches on Windows too.
for (const issue of result.issues) issue.file = issue.file.replaceAll('\\', '/');
const suppressions = JSON.parse(readFileSync(values.suppressions, 'utf8')).suppressions;
const isSuppressed = (issue) => suppressions.some((s) => s.check === issue.id && s.file === issue.file);
const rank = (issue) => SEVERITY_ORDER.indexOf(issue.severity.name);

const blocking = [];
const counts = { suppressed: 0, belowThreshold: 0 };
for (const issue of result.issues) {
  const where = `${issue.file}:${issue.location.line}`;
  const label = `${issue.id} ${issue.severity.name}/${issue.confidence.name} ${where}`;
  if (rank(issue) < FAIL_AT) {
    counts.belowThreshold++;
    console.log(`  info       ${label}`);
  } else if (isSuppressed(issue)) {
    counts.suppressed++;
    console.log(`  suppressed ${label}`);
  } else {
    blocking.push(issue);
    console.log(`  FAIL       ${label}: ${issue.description}`);
  }
}

// A suppression that matches nothing is stale: drop it so it cannot hide a future finding in that file.
const stale = suppressions.filter((s) => !result.issues.some((i) => i.id === s.check && i.file === s.file));
for (const s of stale) console.log(`  stale suppression (remove it): ${s.check} ${s.file}`);
const parseErrors = result.errors.filter((e) => !e.tolerable);
for (const e of parseErrors) console.log(`  PARSE ERROR ${relative(input, e.file)}: ${e.message}`);

console.log(
  `Electronegativity ${result.atomicChecks + result.globalChecks} checks over ${relative(REPO, input) || '.'}: ` +
    `${result.issues.length} findings, ${blocking.length} blocking, ${counts.suppressed} suppressed, ` +
    `${counts.belowThreshold} below MEDIUM, ${stale.length} stale suppressions, ${parseErrors.length} parse errors. ` +
    `SARIF report: ${report}`,
);
// exitCode, not exit(): Electronegativity writes the SARIF report asynchronously and it must reach the disk.
process.exitCode = blocking.length > 0 || stale.length > 0 || parseErrors.length > 0 ? 1 : 0;
