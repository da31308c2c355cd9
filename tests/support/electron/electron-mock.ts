import { EventEmitter } from 'node:events';
import { type Mock, vi } from 'vitest';

// biome-ignore lint/suspicious/noExplicitAny: a stand-in takes whatever the code under test passes it.
export type Spy = Mock<(...args: any[]) => any>;
// biome-ignore lint/suspicious/noExplicitAny: as above.
export const spy = (impl?: (...args: any[]) => any): Spy => (impl ? vi.fn(impl) : vi.fn());

/**
 * The one stand-in for the `electron` module in unit tests (there is no Electron binary here). Each test file
 * gets it through the vitest setup file (`setup.ts` mocks `electron` with this module) and uses the fakes below to drive what
 * Electron would do: fire window and web-contents events, call registered IPC handlers, inspect options.
 * `resetElectronMock()` in a beforeEach gives every test fresh state.
 */

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  mainFrame: FakeFrame = { url: 'caption-studio://app/index.html', parent: null };
  send = spy();
  destroyed = false;
  isDestroyed = () => this.destroyed;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler = spy((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows = () => FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  /** Called by the constructor, so tests can see when a window was made relative to other calls. */
  static constructed: Spy = spy();
  readonly webContents = new FakeWebContents();
  destroyed = false;
  maximized = false;
  minimized = false;
  normalBounds = { x: 10, y: 20, width: 1200, height: 800 };
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
    FakeBrowserWindow.constructed(options);
  }
  isDestroyed = () => this.destroyed;
  loadURL = spy(async (_url: string) => undefined);
  show = spy();
  focus = spy();
  restore = spy();
  maximize = spy(() => {
    this.maximized = true;
  });
  isMaximized = () => this.maximized;
  isMinimized = () => this.minimized;
  getNormalBounds = () => this.normalBounds;
  setBackgroundColor = spy();
  close = spy();
}

export function fakeSession(): {
  setPermissionRequestHandler: Spy;
  setPermissionCheckHandler: Spy;
  setDevicePermissionHandler: Spy;
} {
  return {
    setPermissionRequestHandler: spy(),
    setPermissionCheckHandler: spy(),
    setDevicePermissionHandler: spy(),
  };
}

type Invoke = (event: unknown, ...args: unknown[]) => Promise<unknown>;

export const ipcMain = {
  handlers: new Map<string, Invoke>(),
  handle: spy((channel: string, handler: Invoke) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  on: spy(),
  removeHandler: spy((channel: string) => ipcMain.handlers.delete(channel)),
};

const DEFAULT_APP_PATH = '/opt/Caption Studio/resources/app.asar';

const defaultPaths = () => ({
  userData: '/home/user/.config/Caption Studio',
  downloads: '/home/user/Downloads',
  documents: '/home/user/Documents',
});

class FakeApp extends EventEmitter {
  isPackaged = false;
  name = 'Caption Studio';
  /** What app.getAppPath() answers: the folder holding package.json (the repository when not packaged). */
  appPath = DEFAULT_APP_PATH;
  getAppPath = spy(() => this.appPath);
  paths: Record<string, string> = defaultPaths();
  getPath = spy((name: string) => {
    const path = this.paths[name];
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  });
  setPath = spy((name: string, path: string) => {
    this.paths[name] = path;
  });
  getVersion = () => '0.0.0-test';
  ready = true;
  isReady = () => this.ready;
  setAboutPanelOptions = spy();
  quit = spy();
  exit = spy();
  requestSingleInstanceLock = spy(() => true);
  whenReady = spy(() => Promise.resolve());
}

export const app = new FakeApp();
export const protocol = { registerSchemesAsPrivileged: spy(), handle: spy() };
export const session = { defaultSession: fakeSession() };
export const shell = {
  openExternal: spy(async (_url: string) => undefined),
  openPath: spy(async (_path: string) => ''),
  showItemInFolder: spy(),
};
export const dialog = {
  showOpenDialog: spy(),
  showSaveDialog: spy(),
  showMessageBox: spy(),
  showErrorBox: spy(),
};
export const clipboard = { writeText: spy() };
export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });
export const screen = {
  getAllDisplays: spy(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]),
};
export const Menu = {
  buildFromTemplate: spy((template: unknown) => ({ template })),
  setApplicationMenu: spy(),
};
/** @public Electron's own name: the code under test constructs `BrowserWindow` from the mocked `electron`. */
export class BrowserWindow extends FakeBrowserWindow {}

// Renderer-side modules, for the preload.
export const contextBridge = { exposeInMainWorld: spy() };
export const ipcRenderer = { invoke: spy(), on: spy(), removeListener: spy(), send: spy() };
export const webUtils = { getPathForFile: spy() };

/** Fresh fakes for the next test (module-level objects keep their identity; their state and spies are reset). */
export function resetElectronMock(): void {
  vi.clearAllMocks();
  ipcMain.handlers.clear();
  FakeBrowserWindow.instances = [];
  app.removeAllListeners();
  app.isPackaged = false;
  app.appPath = DEFAULT_APP_PATH;
  app.ready = true;
  app.paths = defaultPaths();
  session.defaultSession = fakeSession();
  nativeTheme.removeAllListeners();
  nativeTheme.shouldUseDarkColors = false;
}

export default {
  app,
  protocol,
  session,
  shell,
  dialog,
  clipboard,
  nativeTheme,
  screen,
  Menu,
  BrowserWindow,
  ipcMain,
  contextBridge,
  ipcRenderer,
  webUtils,
};
