import { useId, useRef, useState } from 'react';
import { IS_MAC } from '../lib/platform';
import { Icon } from './Icon';

/**
 * A value to take elsewhere (the weights URL, a prompt): shown whole in a read-only field, with Copy. Where the
 * clipboard refuses (a browser without permission), the text is selected instead and the shortcut named.
 */
export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [said, setSaid] = useState<'copied' | 'selected' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setSaid('copied');
    } catch {
      field.current?.select();
      setSaid('selected');
    }
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-row">
        <input ref={field} id={id} className="input mono" readOnly value={value} onFocus={(e) => e.target.select()} />
        {/* Always "Copy" (the name says what is copied): the icon and the line below say it worked. */}
        <button type="button" className="btn" onClick={() => void copy()} aria-label={`Copy ${label}`}>
          <Icon name={said === 'copied' ? 'check' : 'copy'} size={15} /> Copy
        </button>
      </div>
      <span className="field-help" role="status">
        {said === 'copied'
          ? 'Copied to the clipboard.'
          : said === 'selected'
            ? `Selected: press ${IS_MAC ? '⌘' : 'Ctrl'}+C to copy it.`
            : ''}
      </span>
    </div>
  );
}
