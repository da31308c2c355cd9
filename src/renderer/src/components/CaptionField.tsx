import { useEffect, useId, useRef } from 'react';
import { MAX_CAPTION_CHARS } from '../../../shared/caption';
import type { ImageEntry } from '../../../shared/dataset';
import { saveDraft } from '../actions/captions';
import { useTokenCounts } from '../hooks/useTokenCounts';
import { captionStarter, captionStats } from '../lib/caption-stats';
import { useDrafts } from '../stores/drafts';
import { useUi } from '../stores/ui';
import { ClipCutOff } from './ClipCutOff';
import { TokenCounter } from './TokenCounter';

/**
 * The caption, edited in place. What is typed lives in the drafts store at once (never only in the DOM), is
 * validated live against the export's own rule, and is saved on blur and whenever the user moves on.
 */
export function CaptionField({ image, trigger }: { image: ImageEntry; trigger: string }) {
  const draft = useDrafts((s) => s.drafts[image.id]);
  const saving = useDrafts((s) => s.saving[image.id] === true);
  const saveError = useDrafts((s) => s.errors[image.id]);
  const setDraft = useDrafts((s) => s.setDraft);
  const focusTick = useUi((s) => s.focusCaptionTick);
  const ref = useRef<HTMLTextAreaElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const id = useId();
  const msgId = useId();

  const value = draft ?? image.caption ?? '';
  const stats = captionStats(value, trigger);
  const tokens = useTokenCounts(value);
  const cutAt = tokens.clip?.cutAt ?? null;
  const starter = captionStarter(trigger);
  // An image without a caption is not "wrong" until something beyond the prefix is typed.
  const untouched = image.caption === null && (value === '' || value === starter);
  const showError = stats.error !== null && !untouched;

  // Enter in the gallery asks for focus by bumping a counter; only a change counts, not the value at mount.
  const seenTick = useRef(focusTick);
  useEffect(() => {
    if (focusTick === seenTick.current) return;
    seenTick.current = focusTick;
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, [focusTick]);

  // The same field serves every image, so focus survives "save and next"; a new empty caption gets the prefix.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the image changes, reading the latest value.
  useEffect(() => {
    const el = ref.current;
    if (el && document.activeElement === el && value === '') setDraft(image.id, starter);
  }, [image.id]);

  return (
    <div className="caption-field">
      <div className="caption-head">
        <label htmlFor={id} className="field-label">
          Caption
        </label>
        <span className="caption-counts" aria-live="off">
          <TokenCounter counts={tokens} /> · {stats.words} {stats.words === 1 ? 'word' : 'words'} ·{' '}
          <span className={stats.left < 0 ? 'over' : ''}>
            {stats.chars.toLocaleString('en-US')}/{MAX_CAPTION_CHARS.toLocaleString('en-US')}
          </span>
        </span>
      </div>
      <div className="caption-input-wrap">
        {cutAt !== null ? <ClipCutOff ref={backdrop} text={value} cutAt={cutAt} /> : null}
        <textarea
          ref={ref}
          id={id}
          className={`textarea caption-input ${showError ? 'invalid' : ''}`}
          rows={5}
          value={value}
          placeholder={`${starter}…  (press Enter to write)`}
          spellCheck
          aria-invalid={showError}
          aria-describedby={msgId}
          onFocus={() => {
            // Start an empty caption with the fixed prefix so only the description needs typing.
            if (value === '') setDraft(image.id, starter);
          }}
          onChange={(e) => setDraft(image.id, e.target.value.replace(/\r?\n/gu, ' '))}
          onKeyDown={(e) => {
            // One line only: plain Enter would add a line break the trainers cannot use.
            if (e.key === 'Enter' && !e.metaKey && !e.ctrlKey) e.preventDefault();
          }}
          onBlur={() => void saveDraft(image.id)}
          onScroll={(e) => {
            // The marks behind the text scroll with it.
            if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
          }}
        />
      </div>
      {cutAt !== null ? (
        <p className="caption-cut-note">
          <mark className="clip-cut">Marked words</mark> are past CLIP’s 77 tokens: CLIP-L never reads them (FLUX’s T5
          does). Put what matters first.
        </p>
      ) : null}
      <div id={msgId} className="caption-status" aria-live="polite">
        {saveError ? (
          <span className="field-error">Not saved: {saveError}</span>
        ) : showError ? (
          <span className="field-error">{stats.error}</span>
        ) : saving ? (
          <span className="faint">Saving…</span>
        ) : untouched ? (
          <span className="faint">No caption yet: type what the photo shows after “{starter.trim()}”</span>
        ) : draft !== undefined ? (
          <span className="faint">Edited · saves when you leave the field</span>
        ) : (
          <span className="ok-text">Valid caption</span>
        )}
      </div>
    </div>
  );
}
