import { startInMode } from './mode';

// The Electron entry. Awaited at the top level: Electron emits `ready` only after the entry module has finished,
// and the app must register its URL scheme and take its single-instance lock before that.
await startInMode(process.argv);
