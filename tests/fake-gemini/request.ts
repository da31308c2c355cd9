import { createHash } from 'node:crypto';

/**
 * Validation of a generateContent body the way the real API does it: well-formed JSON, contents with parts,
 * inline images with a supported MIME type and base64 that decodes to a real image.
 */

export interface ParsedRequest {
  prompt: string;
  image: {
    mimeType: string;
    bytes: number;
    sha256: string;
    /** Pixel size and EXIF orientation tag (1 when absent) of a JPEG; null for other formats. */
    width: number | null;
    height: number | null;
    orientation: number | null;
  } | null;
  maxOutputTokens: number | undefined;
  thinkingBudget: number | undefined;
  temperature: number | undefined;
}

export type ParseResult = { ok: true; request: ParsedRequest } | { ok: false; message: string; badImage?: boolean };

const SUPPORTED_MIME = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif']);

/** Width and height from a JPEG's SOFn segment, or null when the bytes are not a JPEG. */
function jpegSize(buf: Buffer): { width: number; height: number } | null {
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < buf.length) {
    if (buf[i] !== 0xff) return null;
    const marker = buf[i + 1] ?? 0;
    const length = buf.readUInt16BE(i + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  return null;
}

/** EXIF orientation in a JPEG's APP1 segment (1 when absent): a client sending upright pixels must not tag them. */
function jpegOrientation(buf: Buffer): number {
  try {
    return readOrientation(buf);
  } catch {
    return 1; // a truncated EXIF block is no orientation
  }
}

function readOrientation(buf: Buffer): number {
  const exif = buf.indexOf('Exif\0\0', 0, 'latin1');
  if (exif < 0 || exif > 64) return 1;
  const tiff = exif + 6;
  const le = buf.toString('latin1', tiff, tiff + 2) === 'II';
  const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const ifd = tiff + u32(tiff + 4);
  const count = u16(ifd);
  for (let n = 0; n < count; n++) {
    const entry = ifd + 2 + n * 12;
    if (u16(entry) === 0x0112) return u16(entry + 8);
  }
  return 1;
}

interface Part {
  text?: unknown;
  inlineData?: { mimeType?: unknown; data?: unknown };
}

function parseImage(inline: NonNullable<Part['inlineData']>): ParseResult | ParsedRequest['image'] {
  const { mimeType, data } = inline;
  if (typeof mimeType !== 'string' || !SUPPORTED_MIME.has(mimeType)) {
    return { ok: false, message: `Unsupported MIME type: ${String(mimeType)}` };
  }
  if (typeof data !== 'string' || data === '' || !/^[A-Za-z0-9+/_-]+={0,2}$/u.test(data)) {
    return {
      ok: false,
      message: "Invalid value at 'contents[0].parts[0].inline_data.data' (TYPE_BYTES), Base64 decoding failed",
    };
  }
  const bytes = Buffer.from(data, 'base64');
  const size = mimeType === 'image/jpeg' ? jpegSize(bytes) : null;
  if (mimeType === 'image/jpeg' && size === null) return { ok: false, message: 'bad-image', badImage: true };
  return {
    mimeType,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    width: size?.width ?? null,
    height: size?.height ?? null,
    orientation: size ? jpegOrientation(bytes) : null,
  };
}

export function parseGenerateContent(raw: string): ParseResult {
  let body: { contents?: Array<{ parts?: Part[] }>; generationConfig?: Record<string, unknown> };
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, message: 'Invalid JSON payload received. Unexpected token.' };
  }
  const parts = body.contents?.flatMap((c) => c.parts ?? []) ?? [];
  if (parts.length === 0) return { ok: false, message: '* GenerateContentRequest.contents: contents is not specified' };
  let image: ParsedRequest['image'] = null;
  let prompt = '';
  for (const part of parts) {
    if (typeof part.text === 'string') prompt += part.text;
    if (part.inlineData) {
      const parsed = parseImage(part.inlineData);
      if (parsed && 'ok' in parsed) return parsed;
      image = parsed;
    }
  }
  const gc = body.generationConfig ?? {};
  const thinking = gc.thinkingConfig as { thinkingBudget?: unknown } | undefined;
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  return {
    ok: true,
    request: {
      prompt,
      image,
      maxOutputTokens: num(gc.maxOutputTokens),
      thinkingBudget: num(thinking?.thinkingBudget),
      temperature: num(gc.temperature),
    },
  };
}
