import { normaliseCaption } from '../../shared/normalise';

/**
 * The caption in an answer cut off by the output cap (after the one retry with a larger cap): the broken last word
 * dropped, then normalised like any answer. Null when nothing usable is left.
 */
export function captionFromCutOff(text: string, trigger: string): string | null {
  const space = text.trimEnd().lastIndexOf(' ');
  return normaliseCaption(space > 0 ? text.slice(0, space) : text, trigger);
}
