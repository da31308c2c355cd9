import { describe, expect, it } from 'vitest';
import { captionError } from './caption';
import { normaliseCaption } from './normalise';

const T = 'ide_main_hall';

describe('normaliseCaption', () => {
  const cases: ReadonlyArray<{ name: string; raw: string; trigger?: string; want: string | null }> = [
    {
      name: 'brief example: preamble, quotes, repeated prefix, period',
      raw: 'Here is a caption: "Photo of ide_main_hall A large hall with oak panels."',
      want: 'photo of ide_main_hall a large hall with oak panels',
    },
    {
      name: 'placeholder trigger TOK replaced by the real one',
      raw: 'photo of TOK a tabby cat lying on a wooden surface, soft window light',
      trigger: 'my_cat',
      want: 'photo of my_cat a tabby cat lying on a wooden surface, soft window light',
    },
    { name: 'already clean stays identical', raw: `photo of ${T} a large hall`, want: `photo of ${T} a large hall` },
    { name: 'plain description gets the prefix', raw: 'A large hall.', want: `photo of ${T} a large hall` },
    { name: 'trigger in another case', raw: 'Photo of IDE_MAIN_HALL, a hall', want: `photo of ${T} a hall` },
    { name: 'sks placeholder', raw: 'photo of sks a red chair', want: `photo of ${T} a red chair` },
    { name: '[trigger] placeholder', raw: 'photo of [trigger] a red chair', want: `photo of ${T} a red chair` },
    { name: '{trigger} placeholder', raw: 'Photo of {trigger}: a red chair', want: `photo of ${T} a red chair` },
    { name: '"a photo of" alone', raw: 'A photo of a red chair on grass.', want: `photo of ${T} a red chair on grass` },
    { name: '"photo of" alone', raw: 'photo of a red chair', want: `photo of ${T} a red chair` },
    { name: 'bare trigger at start', raw: 'ide_main_hall with a red chair', want: `photo of ${T} with a red chair` },
    { name: 'bare TOK at start', raw: 'TOK, a red chair', want: `photo of ${T} a red chair` },
    {
      name: 'word starting like TOK is kept',
      raw: 'TOKYO skyline at dusk',
      want: `photo of ${T} TOKYO skyline at dusk`,
    },
    // Proper nouns are kept simple: a Capitalised first word is lowered like any other.
    {
      name: 'capitalised proper noun lowered',
      raw: 'Tokyo skyline at dusk',
      want: `photo of ${T} tokyo skyline at dusk`,
    },
    { name: 'Sure, here it is line', raw: 'Sure, here it is.\nA desk', want: `photo of ${T} a desk` },
    { name: 'Caption: label', raw: 'Caption: A wooden desk.', want: `photo of ${T} a wooden desk` },
    { name: 'bold label', raw: '**Caption:** A wooden desk', want: `photo of ${T} a wooden desk` },
    {
      name: 'Sure! preamble on its own line',
      raw: "Sure! Here's a caption for the image:\n\nA wooden desk by a window.",
      want: `photo of ${T} a wooden desk by a window`,
    },
    { name: 'Sure! inline', raw: 'Sure! A wooden desk by a window.', want: `photo of ${T} a wooden desk by a window` },
    { name: 'Certainly, inline', raw: 'Certainly, a wooden desk', want: `photo of ${T} a wooden desk` },
    { name: '"The image shows"', raw: 'The image shows a wooden desk.', want: `photo of ${T} a wooden desk` },
    {
      name: '"In this photo,"',
      raw: 'In this photo, a wooden desk stands',
      want: `photo of ${T} a wooden desk stands`,
    },
    { name: 'markdown heading', raw: '# A wooden desk', want: `photo of ${T} a wooden desk` },
    {
      name: 'bold and code',
      raw: 'A **wooden** desk with a `USB` hub',
      want: `photo of ${T} a wooden desk with a USB hub`,
    },
    { name: 'single-star emphasis', raw: 'A *wooden* desk', want: `photo of ${T} a wooden desk` },
    { name: 'bullet', raw: '- A wooden desk.', want: `photo of ${T} a wooden desk` },
    { name: 'code fence', raw: '```\nphoto of TOK a wooden desk\n```', want: `photo of ${T} a wooden desk` },
    {
      name: 'several options: first kept',
      raw: '1. photo of TOK a wooden desk\n2. photo of TOK an oak desk',
      want: `photo of ${T} a wooden desk`,
    },
    {
      name: 'option labels on their own lines',
      raw: '**Option 1:**\nA wooden desk.\n\n**Option 2:**\nAn oak desk.',
      want: `photo of ${T} a wooden desk`,
    },
    {
      name: 'several sentences on separate lines: first kept',
      raw: 'A wooden desk by a window.\nThe light is soft.',
      want: `photo of ${T} a wooden desk by a window`,
    },
    {
      name: 'wrapped line folded',
      raw: 'A wooden desk by a window\nwith soft light',
      want: `photo of ${T} a wooden desk by a window with soft light`,
    },
    { name: 'CRLF wrapped', raw: 'A desk,\r\nsoft light', want: `photo of ${T} a desk, soft light` },
    { name: 'collapse whitespace', raw: '  A   desk \t by  a window  ', want: `photo of ${T} a desk by a window` },
    { name: 'curly quotes', raw: '“A wooden desk.”', want: `photo of ${T} a wooden desk` },
    { name: 'single quotes', raw: "'A wooden desk'", want: `photo of ${T} a wooden desk` },
    { name: 'lone leading quote', raw: '"A wooden desk', want: `photo of ${T} a wooden desk` },
    {
      name: 'inner quotes kept',
      raw: 'A door with a sign reading "OPEN"',
      want: `photo of ${T} a door with a sign reading "OPEN"`,
    },
    {
      name: 'apostrophe kept',
      raw: "A cat's bowl on a tiled floor.",
      want: `photo of ${T} a cat's bowl on a tiled floor`,
    },
    { name: 'trailing punctuation run', raw: 'A wooden desk!!...', want: `photo of ${T} a wooden desk` },
    {
      name: 'acronym keeps case',
      raw: 'LED strip lights under a shelf',
      want: `photo of ${T} LED strip lights under a shelf`,
    },
    { name: 'acronym with hyphen', raw: 'USB-C cable on a desk', want: `photo of ${T} USB-C cable on a desk` },
    { name: 'mixed-case brand kept', raw: 'McLaren car in a garage', want: `photo of ${T} McLaren car in a garage` },
    { name: 'iPhone kept', raw: 'iPhone on a table', want: `photo of ${T} iPhone on a table` },
    { name: 'capitalised word lowered', raw: 'Large oak panels', want: `photo of ${T} large oak panels` },
    { name: 'nested noise', raw: '**Caption:** "Photo of TOK A hall."', want: `photo of ${T} a hall` },
    { name: 'empty', raw: '', want: null },
    { name: 'whitespace only', raw: '  \n\t ', want: null },
    { name: 'only a preamble', raw: 'Here is a caption:', want: null },
    { name: 'only the prefix', raw: 'photo of TOK', want: null },
    { name: 'only the prefix with real trigger', raw: `Photo of ${T}.`, want: null },
    { name: 'punctuation only', raw: '...', want: null },
    { name: 'refusal', raw: "I'm sorry, but I can't help with that.", want: null },
    { name: 'cannot refusal', raw: 'I cannot describe this image.', want: null },
  ];

  it.each(cases)('$name', ({ raw, trigger, want }) => {
    const got = normaliseCaption(raw, trigger ?? T);
    expect(got).toBe(want);
    if (got !== null) expect(captionError(got, trigger ?? T)).toBeNull();
  });

  it('truncates an over-long answer at a word boundary and stays valid', () => {
    const got = normaliseCaption(`A ${'very '.repeat(400)}long hall.`, T);
    expect(got).not.toBeNull();
    expect(captionError(got, T)).toBeNull();
    expect(got?.endsWith('very')).toBe(true);
  });

  it('is idempotent on its own output', () => {
    for (const c of cases) {
      const once = normaliseCaption(c.raw, c.trigger ?? T);
      if (once !== null) expect(normaliseCaption(once, c.trigger ?? T)).toBe(once);
    }
  });
});
