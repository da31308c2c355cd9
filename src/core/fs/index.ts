/** File-system pieces every durable write and every file server uses. */
export { copyFileAtomic, syncDir, tempPathBeside, writeFileAtomic, writeStreamAtomic } from './atomic';
export { mimeTypeOf } from './mime';
export { resolveInside } from './resolve-inside';
