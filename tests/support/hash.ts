import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
export const fileSha256 = async (path: string): Promise<string> => sha256(await readFile(path));
