/** File-system pieces every durable write and every file server uses. */
export { syncDir, tempPathBeside, writeFileAtomic } from './atomic';
export { mimeTypeOf } from './mime';
export { resolveInside } from './resolve-inside';
