import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { takenAtFrom } from './taken-at';

const photo = (exif?: Record<string, Record<string, string>>) => {
  const image = sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } });
  return (exif ? image.withExif(exif) : image).jpeg().toBuffer();
};

describe('takenAtFrom', () => {
  it("reads DateTimeOriginal as the camera wrote it (local time, no zone), not the file's DateTime", async () => {
    const jpeg = await photo({
      IFD0: { DateTime: '2025:01:01 00:00:00' },
      IFD2: { DateTimeOriginal: '2024:05:01 14:03:22' },
    });
    expect(takenAtFrom((await sharp(jpeg).metadata()).exif)).toBe('2024-05-01T14:03:22');
  });

  it('is null without EXIF, without the tag, or with damaged EXIF', async () => {
    expect(takenAtFrom((await sharp(await photo()).metadata()).exif)).toBeNull();
    const noDate = await photo({ IFD0: { Make: 'Camera' } });
    expect(takenAtFrom((await sharp(noDate).metadata()).exif)).toBeNull();
    expect(takenAtFrom(Buffer.from('Exif\0\0garbage'))).toBeNull();
  });
});
