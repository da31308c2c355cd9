import { describe, expect, it } from 'vitest';
import { ignoredTheImage, isContextTooSmall, isRefusal, saysNoVision, stripThinking } from './answer';

describe('stripThinking', () => {
  it.each([
    ['<think>The user wants a caption. Let me look.</think>\n\na red chair by a window', 'a red chair by a window'],
    ['<think>\nfirst\n</think><think>second</think>a cat', 'a cat'],
    // The template opened the block itself: only the closing tag reaches the reply.
    ['The image shows a chair, I should list materials.</think>\na wooden chair', 'a wooden chair'],
    // Cut off while thinking: nothing usable.
    ['<think>Let me describe the scene carefully, starting with', ''],
    ['a plain answer without thoughts', 'a plain answer without thoughts'],
  ])('%j -> %j', (text, expected) => expect(stripThinking(text)).toBe(expected));
});

describe('isRefusal', () => {
  it.each([
    "I'm sorry, but I can't help with that.",
    "I'm sorry, I cannot describe this image.",
    'I cannot describe this image.',
    "I can't assist with that request.",
    'Sorry, I am unable to process this image.',
    'I must decline to describe this content.',
  ])('refusal: %s', (text) => expect(isRefusal(text)).toBe(true));

  it.each([
    'a man sitting on a bench, sorry expression on his face',
    'a sign reading "sorry, we are closed" on a glass door',
    'a cat that cannot reach the shelf',
  ])('caption: %s', (text) => expect(isRefusal(text)).toBe(false));
});

describe('ignoredTheImage', () => {
  it.each([
    "I can't see any image in your message. Could you upload it?",
    'No image was provided. Please share the photo you want described.',
    "As a text-based AI, I can't view pictures.",
    'Please provide the image you would like me to caption.',
  ])('blind: %s', (text) => expect(ignoredTheImage(text)).toBe(true));

  it.each(['a photo frame on a wall with no picture in it', 'an empty gallery room with white walls and benches'])(
    'caption: %s',
    (text) => expect(ignoredTheImage(text)).toBe(false),
  );
});

describe('server error texts', () => {
  it.each([
    "This model's maximum context length is 4096 tokens. However, you requested 5210 tokens (5010 in the messages, 200 in the completion).",
    'the request exceeds the available context size, try increasing it',
    'input length (6000) exceeds the context length (4096)',
  ])('context too small: %s', (text) => expect(isContextTooSmall(text)).toBe(true));

  it.each([
    'llava is not a multimodal model',
    'image input is not supported - hint: if this is unexpected, you may need to provide the mmproj',
    'Invalid content type. image_url is only supported by certain models.',
  ])('no vision: %s', (text) => expect(saysNoVision(text)).toBe(true));

  it('tells the two apart', () => {
    expect(saysNoVision('the request exceeds the available context size')).toBe(false);
    expect(isContextTooSmall('image input is not supported')).toBe(false);
  });
});
