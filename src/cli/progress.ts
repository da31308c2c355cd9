import { SingleBar } from 'cli-progress';
import type { RunProgress } from '../core/captioner';
import type { ImportProgress } from '../core/importer';
import type { BatchStatus, ExportProgress } from '../shared/progress';

/**
 * Progress on stderr: a live bar on a terminal, plain lines otherwise (CI logs, pipes), so stdout stays free for
 * --json.
 */
export interface ProgressReporter {
  importing(p: ImportProgress): void;
  captioning(p: RunProgress): void;
  /** A batch job: a bar while it uploads, then one line per state it reaches. */
  batch(s: BatchStatus): void;
  exporting(p: ExportProgress): void;
  line(text: string): void;
  stop(): void;
}

function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--';
  const s = Math.round(seconds);
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${s % 60}s`
      : `${s}s`;
}

/** "queued at Gemini: 40 images, about $0.0031 (half price, $0.0031 saved)". */
function describeBatch(s: BatchStatus): string {
  const saved = (s.savingUsd ?? 0).toFixed(4);
  const cost = s.costUsd === null ? '' : `, about $${s.costUsd.toFixed(4)} (half price: $${saved} saved)`;
  return `batch ${s.name ?? ''}: ${s.state} at Gemini, ${s.images} image(s)${cost}`;
}

function describeRun(p: RunProgress): string {
  return (
    `${p.done}/${p.total} done, ${p.failed + p.blocked} failed, ${p.remaining} left · ` +
    `${p.ratePerMinute.toFixed(1)}/min · ETA ${formatEta(p.etaSeconds)} · ` +
    `${p.inputTokens + p.outputTokens} tokens ≈ $${p.costUsd.toFixed(4)}${p.paused ? ' · paused' : ''}`
  );
}

export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  return stream.isTTY ? createBarReporter(stream) : createLineReporter(stream);
}

function createBarReporter(stream: NodeJS.WriteStream): ProgressReporter {
  let bar: SingleBar | null = null;
  let label = '';
  let lastBatch = '';
  const line = (text: string) => {
    if (bar) stream.write('\n');
    stream.write(`${text}\n`);
  };
  const ensure = (name: string, total: number) => {
    if (bar && label === name) return bar;
    bar?.stop();
    label = name;
    bar = new SingleBar({
      stream,
      format: `${name} [{bar}] {percentage}% {value}/{total} {info}`,
      hideCursor: true,
      clearOnComplete: false,
    });
    bar.start(total, 0, { info: '' });
    return bar;
  };
  return {
    importing(p) {
      if (p.phase !== 'processing') return;
      ensure('Importing ', p.total).update(p.done, { info: '' });
    },
    captioning(p) {
      const b = ensure('Captioning', p.total);
      b.setTotal(p.total);
      b.update(p.done + p.failed + p.blocked, { info: describeRun(p) });
    },
    batch(s) {
      if (s.state === 'uploading') ensure('Uploading ', s.images).update(s.uploaded, { info: '' });
      else if (s.state !== lastBatch) {
        bar?.stop();
        bar = null;
        line(describeBatch(s));
        lastBatch = s.state;
      }
    },
    exporting(p) {
      ensure('Exporting ', p.total).update(p.done, { info: '' });
    },
    line,
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

function createLineReporter(stream: NodeJS.WriteStream): ProgressReporter {
  let lastImport = -1;
  let lastExport = -1;
  let lastRunLine = '';
  let lastBatch = '';
  return {
    importing(p) {
      if (p.phase !== 'processing' || p.total === 0) return;
      const tenth = Math.floor((p.done / p.total) * 10);
      if (tenth === lastImport) return;
      lastImport = tenth;
      stream.write(`importing: ${p.done}/${p.total}\n`);
    },
    captioning(p) {
      if (!p.lastImage || p.lastImage.state === 'queued' || p.lastImage.state === 'captioning') return;
      const line = `captioning: ${describeRun(p)}`;
      if (line !== lastRunLine) stream.write(`${line}\n`);
      lastRunLine = line;
    },
    batch(s) {
      // Uploads by tenths (a 20,000-image batch would print 100 lines otherwise), then each new state once.
      const line =
        s.state === 'uploading'
          ? `uploading: ${Math.floor((s.uploaded * 10) / Math.max(1, s.images)) * 10}% of ${s.images}`
          : describeBatch(s);
      if (line !== lastBatch) stream.write(`${line}\n`);
      lastBatch = line;
    },
    exporting(p) {
      const tenth = p.total === 0 ? 10 : Math.floor((p.done / p.total) * 10);
      if (tenth === lastExport) return;
      lastExport = tenth;
      stream.write(`exporting: ${p.done}/${p.total}\n`);
    },
    line(text) {
      stream.write(`${text}\n`);
    },
    stop() {},
  };
}
