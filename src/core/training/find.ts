import type Replicate from 'replicate';
import type { Training } from 'replicate';

/**
 * The account's training that trains on the upload at `url`, if there is one: the upload is made for one training,
 * so its URL (the training's `input_images`) tells whether a create whose answer was lost reached Replicate.
 * Looks through the newest page of the account's trainings (the one just made is at its top).
 */
export async function findTrainingOf(replicate: Replicate, url: string): Promise<Training | null> {
  const page = await replicate.trainings.list();
  return page.results.find((t) => (t.input as { input_images?: unknown }).input_images === url) ?? null;
}

/** Deletes a training's upload once the training has read it (best effort: files expire on their own). */
export async function deleteUpload(replicate: Replicate, fileId: string): Promise<void> {
  await replicate.files.delete(fileId).catch(() => false);
}
