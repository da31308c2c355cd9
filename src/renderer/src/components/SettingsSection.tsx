import { type ReactNode, useId } from 'react';
import { openInBrowser } from '../actions/links';
import { Icon } from './Icon';

/** One titled part of the Settings dialog, with an optional link to where its key comes from. */
export function SettingsSection(p: {
  title: string;
  link?: { url: string; text: string } | null;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <div className="settings-section-head">
        <h3 id={`${id}-title`}>{p.title}</h3>
        {p.link ? (
          <button type="button" className="link" onClick={() => void openInBrowser(p.link?.url ?? '')}>
            {p.link.text} <Icon name="external" size={12} />
          </button>
        ) : null}
      </div>
      {p.children}
    </section>
  );
}
