import { EventEmitter } from 'node:events';
import { type Mock } from 'vitest';
export type Spy = Mock<(...args: any[]) => any>;
export declare const spy: (impl?: (...args: any[]) => any) => Spy;
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
export declare class FakeWebContents extends EventEmitter {
  readonly id: number;
  mainFrame: FakeFrame;
  send: Spy;
  destroyed: boolean;
  isDestroyed: () => boolean;
  windowOpenHandler:
    | ((details: { url: string }) => {
        action: string;
      })
    | null;
  setWindowOpenHandler: Spy;
}
export declare class FakeBrowserWindow extends EventEmitter {
  readonly options: Record<string, unknown>;
  static instances: FakeBrowserWindow[];
  static getAllWindows: () => FakeBrowserWindow[];
  /** Called by the constructor, so tests can see when a window was made relative to other calls. */
  static constructed: Spy;
  readonly webContents: FakeWebContents;
  destroyed: boolean;
  maximized: boolean;
  minimized: boolean;
  normalBounds: {
    x: number;
    y: number;
    width: number;
    height: number;
  };
  constructor(options: Record<string, unknown>);
  isDestroyed: () => boolean;
  loadURL: Spy;
  show: Spy;
  focus: Spy;
  restore: Spy;
  maximize: Spy;
  isMaximized: () => boolean;
  isMinimized: () => boolean;
  getNormalBounds: () => {
    x: number;
    y: number;
    width: number;
    height: number;
  };
  setBackgroundColor: Spy;
  close: Spy;
}
export declare function fakeSession(): {
  setPermissionRequestHandler: Spy;
  setPermissionCheckHandler: Spy;
  setDevicePermissionHandler: Spy;
};
type Invoke = (event: unknown, ...args: unknown[]) => Promise<unknown>;
export declare const ipcMain: {
  handlers: Map<string, Invoke>;
  handle: Spy;
  on: Spy;
  removeHandler: Spy;
};
declare class FakeApp extends EventEmitter {
  isPackaged: boolean;
  name: string;
  paths: Record<string, string>;
  getPath: Spy;
  setPath: Spy;
  getVersion: () => string;
  ready: boolean;
  isReady: () => boolean;
  setAboutPanelOptions: Spy;
  quit: Spy;
  exit: Spy;
  requestSingleInstanceLock: Spy;
  whenReady: Spy;
}
export declare const app: FakeApp;
export declare const protocol: {
  registerSchemesAsPrivileged: Spy;
  handle: Spy;
};
export declare const session: {
  defaultSession: {
    setPermissionRequestHandler: Spy;
    setPermissionCheckHandler: Spy;
    setDevicePermissionHandler: Spy;
  };
};
export declare const shell: {
  openExternal: Spy;
  openPath: Spy;
  showItemInFolder: Spy;
};
export declare const dialog: {
  showOpenDialog: Spy;
  showSaveDialog: Spy;
  showMessageBox: Spy;
  showErrorBox: Spy;
};
export declare const clipboard: {
  writeText: Spy;
};
export declare const nativeTheme: EventEmitter<[never]> & {
  shouldUseDarkColors: boolean;
};
export declare const screen: {
  getAllDisplays: Spy;
};
export declare const Menu: {
  buildFromTemplate: Spy;
  setApplicationMenu: Spy;
};
export declare const BrowserWindow: typeof FakeBrowserWindow;
export declare const contextBridge: {
  exposeInMainWorld: Spy;
};
export declare const ipcRenderer: {
  invoke: Spy;
  on: Spy;
  removeListener: Spy;
  send: Spy;
};
export declare const webUtils: {
  getPathForFile: Spy;
};
/** Fresh fakes for the next test (module-level objects keep their identity; their state and spies are reset). */
export declare function resetElectronMock(): void;
declare const _default: {
  app: FakeApp;
  protocol: {
    registerSchemesAsPrivileged: Spy;
    handle: Spy;
  };
  session: {
    defaultSession: {
      setPermissionRequestHandler: Spy;
      setPermissionCheckHandler: Spy;
      setDevicePermissionHandler: Spy;
    };
  };
  shell: {
    openExternal: Spy;
    openPath: Spy;
    showItemInFolder: Spy;
  };
  dialog: {
    showOpenDialog: Spy;
    showSaveDialog: Spy;
    showMessageBox: Spy;
    showErrorBox: Spy;
  };
  clipboard: {
    writeText: Spy;
  };
  nativeTheme: EventEmitter<[never]> & {
    shouldUseDarkColors: boolean;
  };
  screen: {
    getAllDisplays: Spy;
  };
  Menu: {
    buildFromTemplate: Spy;
    setApplicationMenu: Spy;
  };
  BrowserWindow: typeof FakeBrowserWindow;
  ipcMain: {
    handlers: Map<string, Invoke>;
    handle: Spy;
    on: Spy;
    removeHandler: Spy;
  };
  contextBridge: {
    exposeInMainWorld: Spy;
  };
  ipcRenderer: {
    invoke: Spy;
    on: Spy;
    removeListener: Spy;
    send: Spy;
  };
  webUtils: {
    getPathForFile: Spy;
  };
};
export default _default;
