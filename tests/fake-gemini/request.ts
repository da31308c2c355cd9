import { createHash } from 'node:crypto';

/**
 * Validation of a generateContent body the way the real API does it: well-formed JSON, contents with parts,
 * images inline (a supported MIME type, base64 that decodes to a real image) or as a Files API reference.
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
  /** Gemini 3's `thinkingConfig.thinkingLevel` (MINIMAL, LOW, ...). */
  thinkingLevel: string | undefined;
  temperature: number | undefined;
}

/**
 * Why a body was refused. 'undecodable': the JSON could not become a request at all (bad JSON, bad base64), which
 * the front end refuses at once, even inside a batch; 'invalid': a well-formed request the model refuses;
 * 'missing-file': a `fileData` part names a file that does not exist (or no longer does).
 */
export type ParseFailure =
  | { ok: false; reason: 'undecodable' | 'invalid'; message: string }
  | { ok: false; reason: 'bad-image' }
  | { ok: false; reason: 'missing-file'; fileId: string };

export type ParseResult = { ok: true; request: ParsedRequest } | ParseFailure;

/** The bytes and MIME type of an uploaded file, by the `fileUri` a request names it with. */
export type FileLookup = (fileUri: string) => { mimeType: string; bytes: Buffer } | undefined;

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
  fileData?: { mimeType?: unknown; fileUri?: unknown };
}

type Image = NonNullable<ParsedRequest['image']>;

function describeImageBytes(mimeType: unknown, bytes: Buffer): Image | ParseFailure {
  if (typeof mimeType !== 'string' || !SUPPORTED_MIME.has(mimeType)) {
    return { ok: false, reason: 'invalid', message: `Unsupported MIME type: ${String(mimeType)}` };
  }
  const size = mimeType === 'image/jpeg' ? jpegSize(bytes) : null;
  if (mimeType === 'image/jpeg' && size === null) return { ok: false, reason: 'bad-image' };
  return {
    mimeType,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    width: size?.width ?? null,
    height: size?.height ?? null,
    orientation: size ? jpegOrientation(bytes) : null,
  };
}

function inlineImage({ mimeType, data }: NonNullable<Part['inlineData']>): Image | ParseFailure {
  if (typeof data !== 'string' || data === '' || !/^[A-Za-z0-9+/_-]+={0,2}$/u.test(data)) {
    return {
      ok: false,
      reason: 'undecodable',
      message: "Invalid value at 'contents[0].parts[0].inline_data.data' (TYPE_BYTES), Base64 decoding failed",
    };
  }
  return describeImageBytes(mimeType, Buffer.from(data, 'base64'));
}

function uploadedImage({ mimeType, fileUri }: NonNullable<Part['fileData']>, files: FileLookup): Image | ParseFailure {
  const file = typeof fileUri === 'string' ? files(fileUri) : undefined;
  if (!file) return { ok: false, reason: 'missing-file', fileId: String(fileUri).replace(/^.*\/files\//u, '') };
  return describeImageBytes(mimeType ?? file.mimeType, file.bytes);
}

/** The image a part carries, inline or by reference; null for a text part. */
function imageOf(part: Part, files: FileLookup): Image | ParseFailure | null {
  if (part.inlineData) return inlineImage(part.inlineData);
  if (part.fileData) return uploadedImage(part.fileData, files);
  return null;
}

const noFiles: FileLookup = () => undefined;
const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

export function parseGenerateContent(raw: string, files: FileLookup = noFiles): ParseResult {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'undecodable', message: 'Invalid JSON payload received. Unexpected token.' };
  }
  return parseGenerateContentBody(body, files);
}

/** Validates a GenerateContentRequest already parsed from JSON (a generateContent body or a batch line). */
export function parseGenerateContentBody(value: unknown, files: FileLookup = noFiles): ParseResult {
  // Batch lines come from files a client wrote: nothing in them can be trusted to have its proper shape.
  const body = (isObject(value) ? value : {}) as { contents?: unknown; generationConfig?: Record<string, unknown> };
  const contents: unknown[] = Array.isArray(body.contents) ? body.contents : [];
  const parts = contents
    .flatMap((c) => (isObject(c) && 'parts' in c && Array.isArray(c.parts) ? (c.parts as unknown[]) : []))
    .filter((p): p is Part => isObject(p));
  if (parts.length === 0) {
    return { ok: false, reason: 'invalid', message: '* GenerateContentRequest.contents: contents is not specified' };
  }
  let image: ParsedRequest['image'] = null;
  let prompt = '';
  for (const part of parts) {
    if (typeof part.text === 'string') prompt += part.text;
    const found = imageOf(part, files);
    if (found && 'ok' in found) return found;
    if (found) image = found;
  }
  const gc = isObject(body.generationConfig) ? body.generationConfig : {};
  const thinking = gc.thinkingConfig as { thinkingBudget?: unknown; thinkingLevel?: unknown } | undefined;
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  return {
    ok: true,
    request: {
      prompt,
      image,
      maxOutputTokens: num(gc.maxOutputTokens),
      thinkingBudget: num(thinking?.thinkingBudget),
      thinkingLevel: typeof thinking?.thinkingLevel === 'string' ? thinking.thinkingLevel : undefined,
      temperature: num(gc.temperature),
    },
  };
}
