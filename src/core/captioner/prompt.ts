/**
 * The instruction sent with every image. In the spirit of the original app: an objective inventory of what is
 * visible (objects, materials, light, colours, layout) as one line. The `photo of {trigger}` prefix is added in
 * code (normaliseCaption), so the model is told not to write it; it still sees the trigger so it knows what the
 * caption is for.
 */
export const DEFAULT_PROMPT = [
  'Write the description part of a caption for one image in a LoRA training dataset.',
  'The final caption will read "photo of {trigger} <your description>"; "photo of {trigger}" is added automatically,',
  'so do not write it, and do not start with "photo of", "a photo of", "this image" or "the image shows".',
  'Describe what is visible: the main objects and their materials, the light, the colours and the spatial layout',
  '(what is in the foreground and background, on the left and on the right). Transcribe any visible text exactly.',
  'Be objective and concrete: no opinions, no guesses about intent, no hedging such as "appears to" or "seems",',
  'no empty adjectives such as "beautiful" or "stunning".',
  'Answer with a single line of one to three sentences of plain text:',
  'no preamble, no quotes, no markdown, no line breaks, no trailing period.',
].join(' ');

/** Fills the `{trigger}` placeholder (every occurrence) of a prompt template. */
export function renderPrompt(template: string, trigger: string): string {
  return template.replaceAll('{trigger}', trigger);
}
