/**
 * Deterministic "model answers": the description depends only on the image bytes (their sha256), so a test can
 * predict the caption for any image; the wrapping noise varies so the client's normalisation is exercised.
 */

const SUBJECTS = ['wooden chair', 'tabby cat', 'red bicycle', 'ceramic vase', 'oak desk', 'stone staircase'];
const MATERIALS = ['oak panels', 'brushed steel', 'linen fabric', 'glazed tiles', 'rough concrete', 'woven rattan'];
const LIGHTS = ['soft window light', 'warm lamp light', 'overcast daylight', 'hard midday sun', 'cool blue dusk'];
const COLOURS = ['muted green', 'deep red', 'pale grey', 'ochre and cream', 'navy and white', 'warm brown'];
const PLACES = ['in the centre', 'on the left', 'on the right', 'in the foreground', 'against a plain wall'];

function pick(list: readonly string[], byte: number): string {
  return list[byte % list.length] ?? '';
}

/** The clean description (lower case, no trailing period) the fake derives from an image's sha256 hex. */
export function describeImage(sha256Hex: string): string {
  const b = (i: number) => Number.parseInt(sha256Hex.slice(i * 2, i * 2 + 2), 16) || 0;
  return (
    `a ${pick(SUBJECTS, b(0))} ${pick(PLACES, b(1))} beside ${pick(MATERIALS, b(2))}, ` +
    `${pick(LIGHTS, b(3))}, ${pick(COLOURS, b(4))} tones`
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Ways real models wrap an answer despite being told not to. Index 0 is the clean answer. */
const NOISES: ReadonlyArray<(d: string, trigger: string) => string> = [
  (d) => d,
  (d, t) => `Here is a caption: "Photo of ${t} ${capitalise(d)}."`,
  (d) => `**Caption:** ${capitalise(d)}.`,
  (d) => `photo of TOK ${d}`,
  (d) => `Sure! Here's a caption for the image:\n\n${capitalise(d)}.`,
  (d, t) => `photo of ${t.toUpperCase()}, ${d}\n`,
  (d) => `"${capitalise(d)}"`,
  (d) => `1. ${capitalise(d)}.\n2. A different take on the same scene.`,
];

/** The answer text for an image: its description wrapped in the noise picked by `variant`. */
export function answerFor(sha256Hex: string, trigger: string, variant: number): string {
  const noise = NOISES[Math.abs(variant) % NOISES.length] ?? NOISES[0];
  return noise ? noise(describeImage(sha256Hex), trigger) : describeImage(sha256Hex);
}

/** The trigger the prompt asks for ("photo of my_cat ..."), or TOK when the prompt names none. */
export function triggerFromPrompt(prompt: string): string {
  return /photo of ([A-Za-z0-9_]{3,50})\b/u.exec(prompt)?.[1] ?? 'TOK';
}

/** Rough token count (about four characters a token), like the real tokenizer for English. */
export function tokenCount(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}
