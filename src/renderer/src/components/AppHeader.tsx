import type { ReactNode } from 'react';
import { useUi } from '../stores/ui';
import { Icon } from './Icon';

/** The window's top bar: brand (or what the screen puts on the left), screen actions, and Settings. */
export function AppHeader({ left, children }: { left?: ReactNode; children?: ReactNode }) {
  const open = useUi((s) => s.open);
  return (
    <header className="app-header">
      {left ?? (
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            <Icon name="sparkles" size={15} />
          </span>
          <span className="brand-name">Caption Studio</span>
        </div>
      )}
      <div className="spacer" />
      {children}
      <button
        type="button"
        className="btn btn-ghost icon-btn"
        aria-label="Settings"
        title="Settings"
        onClick={() => open({ type: 'settings', focusKey: false, message: null })}
      >
        <Icon name="settings" />
      </button>
    </header>
  );
}
