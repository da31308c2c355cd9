import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { BulkEditPlan } from '../../../shared/bulk-edit';
import { plural } from '../lib/format';
import { useWorkspace } from '../stores/workspace';
import { CaptionDiffText } from './CaptionDiffText';
import { Segmented } from './Segmented';

type Plan = Extract<BulkEditPlan, { ok: true }>;
type Tab = 'changes' | 'left-out';

interface Row {
  imageId: string;
  before: string | null;
  after: string | null;
  reason: string | null;
}

/**
 * Every change a bulk edit would make, before anything is saved: the count, each caption with the changed part
 * marked, and the captions it would make invalid (left out, with why). Virtualised, so 5,000 rows scroll smoothly.
 */
export function BulkPreview({ plan }: { plan: Plan }) {
  const [tab, setTab] = useState<Tab>('changes');
  const shown: Tab = plan.leftOut.length === 0 ? 'changes' : tab;
  const rows: Row[] =
    shown === 'changes'
      ? plan.changes.map((c) => ({ ...c, reason: null }))
      : plan.leftOut.map((l) => ({ imageId: l.imageId, before: l.before, after: l.after, reason: l.reason }));
  return (
    <section className="bulk-preview" aria-label="Preview">
      <div className="bulk-preview-head">
        <strong role="status">
          {plan.changes.length === 0
            ? 'No caption would change'
            : `${plural(plan.changes.length, 'caption')} will change`}
        </strong>
        <span className="muted">
          {plan.leftOut.length > 0 ? `${plural(plan.leftOut.length, 'left out')} · ` : ''}
          {plan.unchanged.toLocaleString('en-US')} unchanged
        </span>
        <div className="spacer" />
        {plan.leftOut.length > 0 ? (
          <Segmented
            className="small"
            legend="Show"
            value={shown}
            onPick={setTab}
            options={[
              { value: 'changes', label: `Changes (${plan.changes.length.toLocaleString('en-US')})` },
              { value: 'left-out', label: `Left out (${plan.leftOut.length.toLocaleString('en-US')})` },
            ]}
          />
        ) : null}
      </div>
      <PreviewList key={shown} rows={rows} />
    </section>
  );
}

function PreviewList({ rows }: { rows: Row[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => ref.current,
    estimateSize: () => 52,
    overscan: 8,
    // The first rows render before the list has been laid out (its size is read after the first render).
    initialRect: { width: 640, height: 320 },
  });
  if (rows.length === 0) return <p className="muted bulk-preview-empty">Nothing to show.</p>;
  return (
    <div ref={ref} className="bulk-preview-list">
      <ul style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index] as Row;
          return (
            <li
              key={row.imageId}
              ref={virtualizer.measureElement}
              data-index={item.index}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <PreviewRow row={row} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function PreviewRow({ row }: { row: Row }) {
  const name = useWorkspace((s) => {
    const at = s.index.get(row.imageId);
    return at === undefined ? row.imageId : (s.images[at]?.relPath ?? row.imageId);
  });
  return (
    <>
      <span className="bulk-row-name">{name}</span>
      {row.reason !== null ? <span className="bulk-row-reason">{row.reason}</span> : null}
      <span className="bulk-row-caption">
        {row.before !== null && row.after !== null ? (
          <CaptionDiffText before={row.before} after={row.after} />
        ) : (
          (row.before ?? <span className="faint">No caption</span>)
        )}
      </span>
    </>
  );
}
