import { describeImage } from '../fake-gemini';
import { answerFor, tokenCount, triggerFromPrompt } from '../fake-gemini/captions';
import type { ThinkingFormat } from './options';

/**
 * What the model says: the fake Gemini's deterministic caption for the image (so both fakes describe an image
 * the same way), a refusal, or a blind model's answer; optionally preceded by thoughts, all within the
 * request's token budget. Running out of budget cuts the text and reports finish_reason "length".
 */

type AnswerKind = 'caption' | 'refusal' | 'blind-apology' | 'blind-generic';

export interface AnswerRequest {
  kind: AnswerKind;
  /** sha256 hex of the image (or of the prompt without one): picks the description and the variant. */
  key: string;
  prompt: string;
  noise: boolean;
  thinking: { tokens: number; format: ThinkingFormat } | undefined;
  /** max_tokens as the server reads it; null for no limit. */
  budget: number | null;
}

export interface WrittenAnswer {
  content: string;
  /** Thoughts for the separate-field format, null otherwise. */
  reasoning: string | null;
  finishReason: 'stop' | 'length';
  completionTokens: number;
  reasoningTokens: number;
}

const REFUSALS = [
  "I'm sorry, but I can't help with that.",
  'I cannot describe this image.',
  "I'm sorry, I can't assist with that request.",
];
const NO_IMAGE_SEEN =
  "I'm sorry, but I can't see any image in your message. Could you upload it again or describe what it shows?";
/** A blind model's invention: the same for every photo, which is how a client can notice it. */
const GENERIC_DESCRIPTION = 'A photo of a person standing in a softly lit room, looking towards the camera.';

const byteOf = (key: string, i: number) => Number.parseInt(key.slice(i * 2, i * 2 + 2), 16) || 0;
const tokensOf = (text: string) => (text === '' ? 0 : tokenCount(text));
/** The first `tokens` tokens of a text (about four characters each). */
const clip = (text: string, tokens: number) => (tokensOf(text) <= tokens ? text : text.slice(0, tokens * 4));

function plainAnswer(r: AnswerRequest): string {
  switch (r.kind) {
    case 'caption':
      // Same variant byte as the fake Gemini, so one image gets the same noisy answer from both fakes.
      return answerFor(r.key, triggerFromPrompt(r.prompt), r.noise ? byteOf(r.key, 5) : 0);
    case 'refusal':
      return REFUSALS[byteOf(r.key, 6) % REFUSALS.length] ?? REFUSALS[0] ?? '';
    case 'blind-apology':
      return NO_IMAGE_SEEN;
    case 'blind-generic':
      return GENERIC_DESCRIPTION;
  }
}

/** Exactly `tokens` tokens of plausible thinking about the request. */
function thoughts(r: AnswerRequest, tokens: number): string {
  const seen = r.kind.startsWith('blind') ? 'I do not see an image attached.' : `I see ${describeImage(r.key)}.`;
  const sentence = `Okay, the user wants a caption for this photo. ${seen} I should keep it to one line and start with the trigger word. `;
  return sentence.repeat(Math.ceil((tokens * 4) / sentence.length)).slice(0, tokens * 4);
}

export function writeAnswer(r: AnswerRequest): WrittenAnswer {
  const answer = plainAnswer(r);
  const budget = r.budget ?? Number.POSITIVE_INFINITY;
  if (!r.thinking) {
    const said = clip(answer, budget);
    const finishReason = said === answer ? 'stop' : 'length';
    return { content: said, reasoning: null, finishReason, completionTokens: tokensOf(said), reasoningTokens: 0 };
  }
  const spent = Math.min(r.thinking.tokens, budget);
  const thought = thoughts(r, spent);
  const room = budget - spent;
  const said = room > 0 ? clip(answer, room) : '';
  // No room left after thinking: the model never got to close its thoughts.
  const cutWhileThinking = room <= 0;
  const finishReason = cutWhileThinking || said !== answer ? 'length' : 'stop';
  const completionTokens = spent + tokensOf(said);
  switch (r.thinking.format) {
    case 'separate-field':
      return { content: said, reasoning: thought, finishReason, completionTokens, reasoningTokens: spent };
    case 'think-tags': {
      const content = cutWhileThinking ? `<think>\n${thought}` : `<think>\n${thought}\n</think>\n\n${said}`;
      return { content, reasoning: null, finishReason, completionTokens, reasoningTokens: spent };
    }
    case 'close-tag-only': {
      const content = cutWhileThinking ? thought : `${thought}\n</think>\n\n${said}`;
      return { content, reasoning: null, finishReason, completionTokens, reasoningTokens: spent };
    }
  }
}
