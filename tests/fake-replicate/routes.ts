import { currentAccount } from './accounts';
import type { RouteHandler } from './context';
import { createFile, deleteFile, getFile, listFiles } from './files';
import { createModel, getModel, getVersion, listHardware, listVersions } from './models';
import { cancelTraining, createTraining, getTraining, listTrainings } from './trainings';

/** Every route the fake serves, named by the client method that calls it. */

interface Route {
  method: string;
  path: RegExp;
  kind: string;
  handle: RouteHandler;
}

const SEGMENT = '([^/]+)';
const at = (pattern: string) => new RegExp(`^/v1${pattern.replaceAll('{}', SEGMENT)}$`, 'u');

const ROUTES: readonly Route[] = [
  { method: 'GET', path: at('/account'), kind: 'accounts.current', handle: currentAccount },
  { method: 'GET', path: at('/hardware'), kind: 'hardware.list', handle: listHardware },
  { method: 'POST', path: at('/files'), kind: 'files.create', handle: createFile },
  { method: 'GET', path: at('/files'), kind: 'files.list', handle: listFiles },
  { method: 'GET', path: at('/files/{}'), kind: 'files.get', handle: getFile },
  { method: 'DELETE', path: at('/files/{}'), kind: 'files.delete', handle: deleteFile },
  { method: 'POST', path: at('/models'), kind: 'models.create', handle: createModel },
  { method: 'GET', path: at('/models/{}/{}'), kind: 'models.get', handle: getModel },
  { method: 'GET', path: at('/models/{}/{}/versions'), kind: 'models.versions.list', handle: listVersions },
  { method: 'GET', path: at('/models/{}/{}/versions/{}'), kind: 'models.versions.get', handle: getVersion },
  {
    method: 'POST',
    path: at('/models/{}/{}/versions/{}/trainings'),
    kind: 'trainings.create',
    handle: createTraining,
  },
  { method: 'GET', path: at('/trainings'), kind: 'trainings.list', handle: listTrainings },
  { method: 'GET', path: at('/trainings/{}'), kind: 'trainings.get', handle: getTraining },
  { method: 'POST', path: at('/trainings/{}/cancel'), kind: 'trainings.cancel', handle: cancelTraining },
];

export function findRoute(method: string, path: string): { route: Route; params: string[] } | undefined {
  for (const route of ROUTES) {
    const m = route.method === method ? route.path.exec(path) : null;
    if (m) return { route, params: m.slice(1).map((p) => decodeURIComponent(p ?? '')) };
  }
  return undefined;
}
