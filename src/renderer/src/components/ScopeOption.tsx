import type { ReactNode } from 'react';
import { plural } from '../lib/format';
import type { RunScope } from '../lib/run-targets';

/** One choice of "which images" in the caption dialog: a large radio card with its count. */
export function ScopeOption(p: {
  value: RunScope;
  current: RunScope;
  onPick: (v: RunScope) => void;
  count: number;
  title: string;
  children: ReactNode;
}) {
  const checked = p.value === p.current;
  return (
    <label className={`scope-option ${checked ? 'checked' : ''} ${p.count === 0 ? 'empty' : ''}`}>
      <input type="radio" name="scope" value={p.value} checked={checked} onChange={() => p.onPick(p.value)} />
      <span className="scope-text">
        <span className="scope-title">
          {p.title} <span className="scope-count">{plural(p.count, 'image')}</span>
        </span>
        <span className="muted">{p.children}</span>
      </span>
    </label>
  );
}
