import { AppError } from '../../shared/errors';
import { hasImageExtension } from '../../shared/image-extensions';
import type { BackendContext } from './context';
import type { Handlers } from './types';

type OsCalls = 'chooseFolder' | 'chooseFiles' | 'chooseExportPath' | 'showInFolder' | 'openImage' | 'openExternal';

/** Native dialogs and hand-offs to the OS. The shell port enforces the external-URL allow-list itself. */
export function osHandlers(ctx: BackendContext): Pick<Handlers, OsCalls> {
  const { dialogs, shell, store } = ctx.deps;
  return {
    chooseFolder: () => dialogs.chooseFolder(),
    chooseFiles: () => dialogs.chooseFiles(),
    chooseExportPath: (defaultName) => dialogs.chooseSavePath(defaultName),

    /** Only files Caption Studio wrote or was given: an export it made, or an image of a dataset the UI opened. */
    async showInFolder(path) {
      if (!ctx.known.has(path)) {
        throw new AppError('validation', 'Caption Studio can only show files it exported or images in a dataset.');
      }
      await shell.showInFolder(path);
    },

    async openImage(datasetId, imageId) {
      const image = (await store.load(datasetId)).images.find((i) => i.id === imageId);
      if (!image) throw new AppError('not-found', `Image "${imageId}" is not in this dataset.`);
      // The importer trusts content, not names, so a real image may be called `x.bat`: handing that to the OS
      // would run it. Only files with an image extension are opened; anything else is revealed in its folder.
      if (hasImageExtension(image.source)) await shell.openPath(image.source);
      else await shell.showInFolder(image.source);
    },

    openExternal: (url) => shell.openExternal(url),
  };
}
