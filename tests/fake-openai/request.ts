import type { PartPosition } from './flavours';

/**
 * Reads a chat completion body the way the servers' request models do: messages with string content or an
 * array of `{type:"text"}` and `{type:"image_url", image_url:{url}}` parts (Ollama also takes image_url as a
 * bare string), and the sampling fields the app sends.
 */

interface ImagePart {
  url: string;
  at: PartPosition;
}

export interface ChatRequest {
  model: string;
  /** Every text part and string content, joined by newlines. */
  prompt: string;
  images: ImagePart[];
  maxTokens: number | null;
  maxCompletionTokens: number | null;
  temperature: number | null;
  stream: boolean;
}

export type ParsedChat = { ok: true; request: ChatRequest } | { ok: false; message: string };

const bad = (message: string): ParsedChat => ({ ok: false, message });
const num = (v: unknown) => (typeof v === 'number' ? v : null);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function imageUrlOf(part: Record<string, unknown>): string | null {
  const field = part.image_url;
  if (typeof field === 'string') return field;
  return isRecord(field) && typeof field.url === 'string' ? field.url : null;
}

export function parseChat(raw: string): ParsedChat {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return bad('We could not parse the JSON body of your request.');
  }
  if (!isRecord(body)) return bad('We could not parse the JSON body of your request.');
  if (typeof body.model !== 'string' || body.model === '') return bad('you must provide a model parameter');
  if (!Array.isArray(body.messages) || body.messages.length === 0) return bad("[] is too short - 'messages'");
  const texts: string[] = [];
  const images: ImagePart[] = [];
  for (const [m, message] of body.messages.entries()) {
    const content = isRecord(message) ? message.content : undefined;
    if (typeof content === 'string') {
      texts.push(content);
      continue;
    }
    if (!Array.isArray(content)) return bad('invalid message format');
    for (const [p, part] of content.entries()) {
      if (!isRecord(part)) return bad('invalid message format');
      if (part.type === 'text' && typeof part.text === 'string') texts.push(part.text);
      else if (part.type === 'image_url') {
        const url = imageUrlOf(part);
        if (url === null) return bad('invalid message format');
        images.push({ url, at: { message: m, part: p } });
      } else return bad(`Invalid value: '${String(part.type)}'. Supported values are: 'text' and 'image_url'.`);
    }
  }
  return {
    ok: true,
    request: {
      model: body.model,
      prompt: texts.join('\n'),
      images,
      maxTokens: num(body.max_tokens),
      maxCompletionTokens: num(body.max_completion_tokens),
      temperature: num(body.temperature),
      stream: body.stream === true,
    },
  };
}
