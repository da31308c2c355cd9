import { useId } from 'react';
import { plural } from '../lib/format';

/**
 * `beside`'s record of what it touched on the user's disk: every caption file written (new or changed; one that
 * already held the caption is left alone), and the older caption files kept as `.bak`, with full paths (the user
 * may want to undo by hand).
 */
export function WrittenFiles({ written, backups }: { written: string[]; backups: string[] }) {
  const id = useId();
  return (
    <>
      {backups.length > 0 ? (
        <section className="report-section" aria-labelledby={`${id}-bak`}>
          <h3 id={`${id}-bak`} className="section-title">
            {plural(backups.length, 'older caption file')} kept as .bak
          </h3>
          <ul className="path-list mono small">
            {backups.map((path) => (
              <li key={path}>{path}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {written.length > 0 ? (
        <section className="report-section" aria-labelledby={`${id}-written`}>
          <h3 id={`${id}-written`} className="section-title">
            {plural(written.length, 'caption file')} written
          </h3>
          <ul className="path-list mono small">
            {written.map((path) => (
              <li key={path}>{path}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
