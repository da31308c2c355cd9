import { afterEach, describe, expect, it } from 'vitest';
import { removeDir } from '../support/fixtures';
import { type Harness, ok, startHarness } from './handlers-harness';

/** Before quitting, the backend asks the page to save what was just typed, and waits for it (or gives up). */
describe('backend shutdown: the page saves its drafts first', () => {
  let h: Harness;
  afterEach(async () => removeDir(h.root));

  it('asks the page to flush and continues as soon as the page says it is done', async () => {
    h = await startHarness({ uiFlushTimeoutMs: 60_000 });
    const stopping = h.backend.shutdown();
    expect(await h.next('flushDrafts')).toEqual({});
    // The page's saves would arrive here (the store is still open), then it answers.
    await ok(h, 'draftsFlushed');
    await stopping;
  });

  it('gives up waiting when no page answers', async () => {
    h = await startHarness({ uiFlushTimeoutMs: 50 });
    await h.backend.shutdown();
    expect(h.of('flushDrafts')).toEqual([{}]);
  });

  it('does not ask when no page is attached (the default)', async () => {
    h = await startHarness();
    await h.backend.shutdown();
    expect(h.of('flushDrafts')).toEqual([]);
  });
});
