import { triggerError } from '../../shared/caption';
import { AppError } from '../../shared/errors';
import type { BackendContext } from './context';
import type { RunManager } from './run-manager';
import { currentSettings } from './settings-handlers';
import type { Handlers } from './types';

type SessionCalls =
  | 'listSessions'
  | 'createSession'
  | 'openSession'
  | 'renameSession'
  | 'deleteSession'
  | 'updateSessionSettings';

export function sessionHandlers(ctx: BackendContext, runs: RunManager): Pick<Handlers, SessionCalls> {
  const { store } = ctx.deps;
  return {
    listSessions: () => store.list(),

    /** A new, empty dataset with the app-wide settings; its roots fill in as the user imports. */
    async createSession({ trigger, name }) {
      const problem = triggerError(trigger);
      if (problem) throw new AppError('validation', problem);
      const manifest = await store.create({
        name: name?.trim() || trigger,
        trigger,
        roots: [],
        settings: currentSettings(ctx),
      });
      ctx.known.rememberSession(manifest);
      return manifest;
    },

    async openSession(id) {
      const manifest = await store.load(id);
      ctx.known.rememberSession(manifest);
      return manifest;
    },

    renameSession: (id, name) => store.rename(id, name),

    /** A run still writing into the session is cancelled and awaited first, so nothing lands in a deleted folder. */
    async deleteSession(id) {
      await runs.stop(id);
      await store.remove(id);
      ctx.known.forgetSession(id);
    },

    updateSessionSettings: (id, patch) => store.modify(id, (m) => ({ ...m, settings: { ...m.settings, ...patch } })),
  };
}
