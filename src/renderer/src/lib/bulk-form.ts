import type { BulkEdit } from '../../../shared/bulk-edit';

/** The bulk edit dialog's actions: the three caption edits, exclude/include, and regenerate. */
export type BulkAction = 'replace' | 'add' | 'remove' | 'exclude' | 'regenerate';

export const BULK_ACTIONS: ReadonlyArray<{ value: BulkAction; label: string }> = [
  { value: 'replace', label: 'Find and replace' },
  { value: 'add', label: 'Add text' },
  { value: 'remove', label: 'Remove a phrase' },
  { value: 'exclude', label: 'Exclude or include' },
  { value: 'regenerate', label: 'Regenerate' },
];

/** Everything the dialog's fields hold; switching action keeps what was typed in the others. */
export interface BulkForm {
  action: BulkAction;
  find: string;
  replace: string;
  regex: boolean;
  wholeWord: boolean;
  matchCase: boolean;
  addText: string;
  addAt: 'start' | 'end';
  phrase: string;
}

export const EMPTY_BULK_FORM: BulkForm = {
  action: 'replace',
  find: '',
  replace: '',
  regex: false,
  wholeWord: false,
  matchCase: false,
  addText: '',
  addAt: 'end',
  phrase: '',
};

/**
 * The caption edit the fields describe, or null while there is nothing to do yet (an empty "find", no text to add)
 * or the action is not a caption edit (exclude and regenerate go through their own calls).
 */
export function editOf(form: BulkForm): BulkEdit | null {
  switch (form.action) {
    case 'replace':
      if (form.find === '') return null;
      return {
        kind: 'replace',
        find: form.find,
        replace: form.replace,
        regex: form.regex,
        wholeWord: form.wholeWord,
        matchCase: form.matchCase,
      };
    case 'add':
      return form.addText.trim() === '' ? null : { kind: 'add', text: form.addText, at: form.addAt };
    case 'remove':
      return form.phrase.trim() === '' ? null : { kind: 'remove', phrase: form.phrase, matchCase: form.matchCase };
    case 'exclude':
    case 'regenerate':
      return null;
  }
}

/** The past tense the toast uses after applying: "Replaced in 12 captions". */
export const APPLIED_VERB: Record<BulkEdit['kind'], string> = {
  replace: 'Replaced in',
  add: 'Added to',
  remove: 'Removed from',
  'fix-trigger': 'Fixed the trigger in',
};
