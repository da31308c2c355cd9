import { useEffect } from 'react';
import { loadDatasets } from '../actions/datasets';
import { newDatasetFromFolder } from '../actions/sources';
import { AppHeader } from '../components/AppHeader';
import { DatasetRow } from '../components/DatasetRow';
import { Icon } from '../components/Icon';
import { plural } from '../lib/format';
import { useDatasets } from '../stores/datasets';
import { useUi } from '../stores/ui';

/** Recent datasets and the way to start a new one. */
export function StartScreen() {
  const { list, loading, error } = useDatasets();
  const open = useUi((s) => s.open);
  useEffect(() => {
    void loadDatasets();
  }, []);
  const now = Date.now();

  return (
    <div className="screen start-screen">
      <AppHeader />
      <main className="start-main">
        <section className="hero" aria-labelledby="hero-title">
          <div className="hero-icon" aria-hidden="true">
            <Icon name="sparkles" size={26} />
          </div>
          <div className="hero-text">
            <h1 id="hero-title">Turn a folder of photos into a LoRA training set</h1>
            <p className="muted">
              Drop a folder anywhere on this window. A vision model (Gemini, or one on your own computer) writes a
              caption for every photo, you review and fix them, then export a ZIP your trainer accepts.
            </p>
          </div>
          <div className="hero-actions">
            <button
              type="button"
              className="btn btn-primary btn-lg"
              onClick={() => open({ type: 'new-dataset', paths: [] })}
            >
              <Icon name="plus" /> New dataset
            </button>
            <button type="button" className="btn btn-lg" onClick={() => void newDatasetFromFolder()}>
              <Icon name="folder" /> Choose folder…
            </button>
          </div>
        </section>

        <section className="recents" aria-labelledby="recents-title">
          <div className="recents-head">
            <h2 id="recents-title">Recent datasets</h2>
            {list && list.length > 0 ? <span className="faint">{plural(list.length, 'dataset')}</span> : null}
          </div>
          {error ? (
            <div className="callout error" role="alert">
              <Icon name="alert-circle" />
              <div className="callout-body">
                <span>Could not list your datasets: {error}</span>
                <button type="button" className="link" onClick={() => void loadDatasets()}>
                  Try again
                </button>
              </div>
            </div>
          ) : list === null ? (
            <div className="recents-loading" aria-busy={loading}>
              <span className="spinner" aria-hidden="true" /> Loading datasets…
            </div>
          ) : list.length === 0 ? (
            <div className="empty-state">
              <Icon name="image" size={28} />
              <strong>No datasets yet</strong>
              <span className="muted">
                Your datasets appear here. Start by dropping a folder of 10–30 photos of your subject.
              </span>
            </div>
          ) : (
            <ul className="dataset-list">
              {list.map((s) => (
                <DatasetRow key={s.id} dataset={s} now={now} />
              ))}
            </ul>
          )}
        </section>
      </main>
    </div>
  );
}
