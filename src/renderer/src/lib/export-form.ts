import {
  type ExportChoice,
  type ExportPresetId,
  KOHYA_REPEATS_LIMITS,
  PRESET_TARGETS,
  RESIZE_LIMITS,
  targetOf,
} from '../../../shared/export-presets';

/**
 * The export dialog's options as typed: numbers stay strings until they are valid, and the resize size is kept
 * while its box is unticked so ticking it again brings the same number back.
 */
export interface ExportForm {
  preset: ExportPresetId;
  target: 'zip' | 'folder';
  resize: boolean;
  resizeText: string;
  removeLocation: boolean;
  repeatsText: string;
  classWord: string;
}

type Field = 'resize' | 'repeats' | 'classWord';
export type ExportFormErrors = Partial<Record<Field, string>>;

/** The long side offered when the box is first ticked: the largest size FLUX trainers bucket to. */
const SUGGESTED_LONG_SIDE = 1024;
const CLASS_WORD_FORBIDDEN = /[/\\:*?"<>|]/u;

export function toExportForm(choice: ExportChoice): ExportForm {
  return {
    preset: choice.preset,
    target: choice.target,
    resize: choice.resizeLongSide !== null,
    resizeText: String(choice.resizeLongSide ?? SUGGESTED_LONG_SIDE),
    removeLocation: !choice.keepLocation,
    repeatsText: String(choice.kohyaRepeats),
    classWord: choice.kohyaClassWord,
  };
}

/** Another preset starts on its own first target (a folder for the trainers that read folders). */
export function choosePreset(form: ExportForm, preset: ExportPresetId): ExportForm {
  const first = PRESET_TARGETS[preset][0];
  return { ...form, preset, target: first === 'zip' || first === 'folder' ? first : form.target };
}

function wholeNumber(text: string, limits: { min: number; max: number }): number | null {
  if (!/^\d+$/u.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= limits.min && n <= limits.max ? n : null;
}

/** Only the fields the preset uses are checked: a bad class word does not block a Replicate ZIP. */
export function exportFormErrors(form: ExportForm): ExportFormErrors {
  const errors: ExportFormErrors = {};
  const writesImages = form.preset !== 'beside';
  if (writesImages && form.resize && wholeNumber(form.resizeText, RESIZE_LIMITS) === null) {
    errors.resize = `A whole number of pixels from ${RESIZE_LIMITS.min} to ${RESIZE_LIMITS.max}.`;
  }
  if (form.preset === 'kohya') {
    if (wholeNumber(form.repeatsText, KOHYA_REPEATS_LIMITS) === null) {
      errors.repeats = `A whole number from ${KOHYA_REPEATS_LIMITS.min} to ${KOHYA_REPEATS_LIMITS.max}.`;
    }
    const word = form.classWord.trim();
    if (word === '') errors.classWord = 'Say what the subject is, e.g. building or person.';
    else if (word.length > 50) errors.classWord = 'At most 50 characters.';
    else if (CLASS_WORD_FORBIDDEN.test(word)) errors.classWord = 'It names a folder: no / \\ : * ? " < > |';
  }
  return errors;
}

/**
 * The choice to export with and remember, or null while a field is invalid. Fields the preset does not use keep
 * what was remembered, so trying another preset loses nothing.
 */
export function choiceOf(form: ExportForm, remembered: ExportChoice): ExportChoice | null {
  if (Object.keys(exportFormErrors(form)).length > 0) return null;
  const writesImages = form.preset !== 'beside';
  return {
    preset: form.preset,
    target: targetOf(form) === 'beside' ? remembered.target : form.target,
    resizeLongSide: writesImages
      ? form.resize
        ? wholeNumber(form.resizeText, RESIZE_LIMITS)
        : null
      : remembered.resizeLongSide,
    keepLocation: writesImages ? !form.removeLocation : remembered.keepLocation,
    kohyaRepeats: wholeNumber(form.repeatsText, KOHYA_REPEATS_LIMITS) ?? remembered.kohyaRepeats,
    kohyaClassWord: form.preset === 'kohya' ? form.classWord.trim() : remembered.kohyaClassWord,
  };
}
