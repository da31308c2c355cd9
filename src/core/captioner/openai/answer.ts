/**
 * Reading what an OpenAI-compatible server's model wrote. Local and open models answer in ways Gemini never does:
 * reasoning models put their thoughts in `<think>...</think>` before the answer (Qwen3, DeepSeek-R1 and their
 * distillations; some servers strip it, most do not), models refuse in prose instead of with a flag, and a model
 * that cannot see images often answers anyway, from the text alone.
 */

const THINK_BLOCK = /<think>[\s\S]*?<\/think>/giu;
/** A reply cut off while still thinking: the `<think>` never closed, so there is no answer at all. */
const OPEN_THINK = /<think>[\s\S]*$/iu;
/** Some chat templates open the block themselves, so only the closing tag reaches the reply. */
const LEADING_THOUGHTS = /^[\s\S]*?<\/think>/iu;

/** The reply without its reasoning; empty when the model never got past thinking. */
export function stripThinking(text: string): string {
  let out = text.replace(THINK_BLOCK, '');
  if (/<\/think>/iu.test(out)) out = out.replace(LEADING_THOUGHTS, '');
  return out.replace(OPEN_THINK, '').trim();
}

const REFUSALS = [
  /^(?:i'?m|i am) (?:sorry|afraid)[^.]*\b(?:can(?:'|no)?t|cannot|unable|not able)\b/iu,
  /^(?:sorry|apologies)[,.!]?\s[^.]*\b(?:can(?:'|no)?t|cannot|unable)\b/iu,
  /^i (?:can(?:'|no)?t|cannot|won'?t|will not|am unable to|am not able to|'m unable to|'m not able to) (?:help|assist|describe|provide|comply|do that|caption|process|analy[sz]e)/iu,
  /^i (?:must|have to) (?:decline|refuse)/iu,
  /^(?:unfortunately, )?(?:this|the) (?:image|request|content) (?:violates|goes against|is against)/iu,
];

/** A refusal written as the answer ("I'm sorry, but I can't help with that."): never a caption. */
export function isRefusal(text: string): boolean {
  const first = text.trim().split(/\n/u)[0] ?? '';
  return REFUSALS.some((re) => re.test(first));
}

const BLIND = [
  /\b(?:can(?:'|no)?t|cannot|unable to|not able to|don'?t|do not) (?:see|view|access|process|open|look at|analy[sz]e) (?:the |any |an |this |that |your )?(?:image|images|picture|photo|attachment)/iu,
  /\bno (?:image|picture|photo)s? (?:was |were |has been |have been )?(?:provided|attached|included|uploaded|shared)/iu,
  /\b(?:as a |i am a |i'm a )?text[- ]based (?:ai|model|assistant)\b/iu,
  /\bplease (?:provide|upload|attach|share) (?:the |an |a )?(?:image|picture|photo)/iu,
];

/** The model answered without seeing the image (a text-only model behind a server that dropped the image part). */
export function ignoredTheImage(text: string): boolean {
  return BLIND.some((re) => re.test(text));
}

/** Server error texts that mean "this request needs more context than the model has", on every server we know. */
const CONTEXT_TOO_SMALL =
  /context (?:length|size|window)|maximum context|exceeds? the (?:available )?context|too many tokens|prompt is too long|n_ctx|num_ctx|input (?:is )?too long|max_model_len/iu;

export function isContextTooSmall(message: string): boolean {
  return CONTEXT_TOO_SMALL.test(message);
}

/** Server error texts that mean "this model takes no images". */
const NO_VISION =
  /not a multimodal model|does not support (?:image|vision|multimodal)|(?:image|vision) (?:input )?(?:is )?not supported|doesn'?t support (?:image|vision)|mmproj|multimodal projector|image input is not|no vision|cannot (?:process|read) images|image_url is only supported|no endpoints found that support image/iu;

export function saysNoVision(message: string): boolean {
  return NO_VISION.test(message);
}
