import { useEffect, useId, useState } from 'react';
import { setPathPromptHandler } from '../api/path-prompt';
import { isAbsolutePath, parsePathLines } from '../lib/path-text';
import { usePathPrompt } from '../stores/path-prompt';
import { Dialog } from './Dialog';

const COPY = {
  folder: { title: 'Choose a folder', label: 'Folder path', hint: 'The absolute path of a folder on this machine.' },
  files: { title: 'Choose photos', label: 'Photos or folders', hint: 'One absolute path per line.' },
  save: { title: 'Save as', label: 'File path', hint: 'Where to write the file: an absolute path on this machine.' },
} as const;

/**
 * The browser preview's stand-in for native file dialogs: it registers itself with the bridge and asks for an
 * absolute path typed (or pasted) by hand. In Electron the native dialogs are used and this never shows.
 */
export function PathPrompt() {
  const { request, respond, ask } = usePathPrompt();
  useEffect(() => {
    setPathPromptHandler(ask);
    return () => setPathPromptHandler(null);
  }, [ask]);
  if (!request) return null;
  return <PathPromptDialog key={`${request.kind}:${request.defaultValue ?? ''}`} onAnswer={respond} {...request} />;
}

function PathPromptDialog({
  kind,
  defaultValue,
  onAnswer,
}: {
  kind: keyof typeof COPY;
  defaultValue?: string;
  onAnswer: (paths: string[] | null) => void;
}) {
  const copy = COPY[kind];
  const [text, setText] = useState(defaultValue ?? '');
  const [touched, setTouched] = useState(false);
  const fieldId = useId();
  const paths = parsePathLines(text);
  const relative = paths.find((p) => !isAbsolutePath(p));
  // A suggested bare file name ("ohwx_training.zip") is a starting point, not a mistake: say so only once edited.
  const error =
    relative && touched ? `“${relative}” is not an absolute path (it should start with / or a drive letter).` : null;
  const hint = relative && !touched ? 'Type the folder in front of the name, e.g. /home/me/Desktop/' : copy.hint;
  const ok = paths.length > 0 && !relative && (kind === 'files' || paths.length === 1);

  const submit = () => {
    if (ok) onAnswer(paths);
  };

  return (
    <Dialog
      title={copy.title}
      subtitle="The browser preview cannot open the system file picker."
      onClose={() => onAnswer(null)}
      width={560}
      footer={
        <>
          <button type="button" className="btn" onClick={() => onAnswer(null)}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={!ok} onClick={submit}>
            {kind === 'save' ? 'Save' : 'Choose'}
          </button>
        </>
      }
    >
      <div className="field">
        <label className="field-label" htmlFor={fieldId}>
          {copy.label}
        </label>
        {kind === 'files' ? (
          <textarea
            id={fieldId}
            data-autofocus
            className={`textarea mono ${error ? 'invalid' : ''}`}
            rows={5}
            value={text}
            spellCheck={false}
            placeholder="/home/me/Pictures/IMG_0001.jpg"
            onChange={(e) => {
              setTouched(true);
              setText(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit();
            }}
          />
        ) : (
          <input
            id={fieldId}
            data-autofocus
            className={`input mono ${error ? 'invalid' : ''}`}
            value={text}
            spellCheck={false}
            placeholder={kind === 'folder' ? '/home/me/Pictures/dataset' : '/home/me/Desktop/dataset.zip'}
            onChange={(e) => {
              setTouched(true);
              setText(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') submit();
            }}
          />
        )}
        <span className={error ? 'field-error' : 'field-help'}>{error ?? hint}</span>
      </div>
    </Dialog>
  );
}
