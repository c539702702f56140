// The Electron main process: thin glue wiring the core, the app:// protocol, IPC and the window.
// Everything with logic lives in tested modules (securityBaseline, appProtocol, ipcHandlers, electron/core).
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, screen, session, type WebContents } from 'electron';
import { createConsoleCore, type ConsoleCore } from '../core/consoleCore.ts';
import { StoreError } from '../core/store/storeErrors.ts';
import { createAppProtocolHandler } from './appProtocol.ts';
import { monitorOf, startWallWindows } from './wallWindows.ts';
import { restoreDesk, type PoppedWindow } from './deskWindows.ts';
import { popOutBounds, popOutRoute, readDesk, writeDesk } from './popOut.ts';
import { parseRoute } from '../../shared/wall/routes.ts';
import { forwardEvents, registerConsoleHandlers } from './ipcHandlers.ts';
import { isAllowedNavigation, permissionDecision, SECURITY_BASELINE } from './securityBaseline.ts';

// Defined by Forge's Vite plugin: the renderer dev server in `electron-forge start`, undefined in a build.
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;

const devServerUrl = typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' && MAIN_WINDOW_VITE_DEV_SERVER_URL !== ''
  ? MAIN_WINDOW_VITE_DEV_SERVER_URL : null;
const devServerOrigins = devServerUrl ? [new URL(devServerUrl).origin] : [];
const isOurs = (url: string) => isAllowedNavigation(url, devServerOrigins);
// Forge's Vite plugin lays out .vite/build/main.js and .vite/renderer/main_window/.
const rendererDir = path.join(import.meta.dirname, '../renderer/main_window');

app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: SECURITY_BASELINE.scheme.name, privileges: { ...SECURITY_BASELINE.scheme.privileges } },
]);

// Unpackaged runs (the Playwright smoke test) may use a throwaway folder for both the console's data
// and Chromium's profile, so they neither touch nor wait on a console already open on the machine.
const throwawayDir = !app.isPackaged ? process.env.RESILIENCE_CONSOLE_DATA_DIR : undefined;
if (throwawayDir) app.setPath('userData', path.join(throwawayDir, 'profile'));

// Two instances would open the same SQLite data folder; the second hands over to the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: ConsoleCore | null = null;
  let window: BrowserWindow | null = null;

  const dataDir = () => throwawayDir ?? path.join(app.getPath('userData'), 'data');
  // Shipped data (the region pack): Forge's extraResource puts resources/region beside app.asar;
  // unpackaged, .vite/build/main.js is two folders below the repo's resources/.
  const resourcesDir = () => (app.isPackaged ? process.resourcesPath : path.join(import.meta.dirname, '../../resources'));

  const lockDown = (contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOurs(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOurs(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // Chromium never opens a window itself (it would inherit the opener); a panel or wall address
    // of ours is opened as a window of our own, with the same baseline (popOut.ts decides).
    contents.setWindowOpenHandler(({ url, features }) => {
      const route = popOutRoute(url, isOurs);
      if (route && core) openPopOut(core, route, popOutBounds(features));
      return { action: 'deny' };
    });
  };
  app.on('web-contents-created', (_event, contents) => lockDown(contents));

  type Bounds = { x?: number; y?: number; width: number; height: number };
  /**
   * The desk window; with `wall`, a frameless full-screen wall window on one display; with
   * `popOut`, a panel popped out of the desk onto another monitor.
   */
  const createWindow = (consoleCore: ConsoleCore, wall?: { route: string; bounds: Bounds }, popOut?: { route: string; bounds: Bounds }) => {
    const place = wall ? { ...wall.bounds, fullscreen: true, frame: false, autoHideMenuBar: true } : popOut ? { ...popOut.bounds, autoHideMenuBar: true } : { width: 1600, height: 1000 };
    const win = new BrowserWindow({
      title: 'Resilience Console',
      ...place,
      show: false,
      webPreferences: {
        ...SECURITY_BASELINE.webPreferences,
        preload: path.join(import.meta.dirname, 'preload.js'),
      },
    });
    const stopEvents = forwardEvents(consoleCore.subscribe.bind(consoleCore), win.webContents);
    win.webContents.once('destroyed', stopEvents);
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      if (window === win) window = null;
    });
    // Closing the desk window ends the console, pop-outs and all (they reopen at the next start).
    if (!wall && !popOut) win.on('close', () => { quitting = true; app.quit(); });
    void win.loadURL(`${devServerUrl ?? SECURITY_BASELINE.startUrl}${wall?.route ?? popOut?.route ?? ''}`);
    return win;
  };

  // The operator's desk: pop-outs open at quit reopen at the next start where they were (deskWindows.ts).
  const popped = new Map<BrowserWindow, PoppedWindow>();
  let quitting = false;
  const deskFile = () => path.join(dataDir(), 'desk-windows.json');
  const saveDesk = () => {
    try {
      writeDesk(deskFile(), [...popped.values()]);
    } catch (error) {
      console.error('[desk] could not remember the pop-out windows:', error instanceof Error ? error.message : error);
    }
  };
  const openPopOut = (consoleCore: ConsoleCore, route: string, bounds: Bounds) => {
    const win = createWindow(consoleCore, undefined, { route, bounds });
    const remember = () => {
      const now = win.getBounds();
      const display = screen.getDisplayMatching(now);
      popped.set(win, { route, monitorId: display.id, monitorLabel: display.label, bounds: now });
      saveDesk();
    };
    win.on('moved', remember);
    win.on('resized', remember);
    win.on('closed', () => {
      // Closed by the operator: forgotten. Closed because the console quits: reopened next time.
      if (quitting) return;
      popped.delete(win);
      saveDesk();
    });
    remember();
    return win;
  };

  const start = async () => {
    await app.whenReady();
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionDecision(permission)));
    session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
    protocol.handle(SECURITY_BASELINE.scheme.name, createAppProtocolHandler({ rootDir: rendererDir, tiles: () => core?.tiles ?? null }));

    core = await createConsoleCore({ dataDir: dataDir(), resourcesDir: resourcesDir(), version: app.getVersion() });
    const auditCore = core;
    // The desktop console's own screen is its administrator's desk; browser consoles sign in with their users' tokens.
    const deskUser = core.users.consoleAdministrator();
    registerConsoleHandlers(ipcMain, (method, input, frameUrl) => auditCore.call(deskUser, method, input, `ipc ${frameUrl}`), {
      isTrustedSender: isOurs,
      // The core's call gate audits every call that reaches it; here only frames refused before it.
      onRefused: (frameUrl, method, error) => {
        if (frameUrl !== null && isOurs(frameUrl)) return;
        void auditCore.store.audit(`ipc ${frameUrl ?? 'unknown frame'}`, 'call refused', { method, code: error.code, message: error.message.slice(0, 500) });
      },
    });
    window = createWindow(core);
    const deskCore = core;
    const monitors = screen.getAllDisplays().map(monitorOf);
    for (const saved of restoreDesk(readDesk(deskFile()), monitors, screen.getPrimaryDisplay().id, (route) => parseRoute(route) !== null)) {
      openPopOut(deskCore, saved.route, saved.bounds);
    }
    // The PC that drives a hall's wall opens one full-screen window per display, matched to the
    // hall's cells and re-planned when monitors come and go (decisions in wallDisplays.ts, tested).
    const wallHall = process.env.RESILIENCE_CONSOLE_WALL;
    if (wallHall) {
      const wallCore = core;
      void startWallWindows({
        screen, core: wallCore, hallId: wallHall, rememberFile: path.join(dataDir(), 'wall-displays.json'),
        createWindow: (route, bounds) => createWindow(wallCore, { route, bounds }),
      }).catch((error: unknown) => console.error('[wall] could not open the wall windows:', error instanceof Error ? error.message : error));
    }

    app.on('second-instance', () => {
      if (!window) return;
      if (window.isMinimized()) window.restore();
      window.focus();
    });
    app.on('activate', () => {
      if (core && BrowserWindow.getAllWindows().length === 0) window = createWindow(core);
    });

    if (app.isPackaged) {
      try {
        // Loaded only when packaged: unpackaged runs have no update feed and need not load its code.
        const { default: electronUpdater } = await import('electron-updater');
        await electronUpdater.autoUpdater.checkForUpdatesAndNotify();
      } catch (error) {
        // No update feed on an isolated network is normal: log, never stop the console.
        console.error('[updater] update check failed:', error instanceof Error ? error.message : error);
      }
    }
  };

  app.on('before-quit', () => { quitting = true; });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // The store must flush and close its worker before the process ends: hold the quit once, then quit again.
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const closingCore = core;
    core = null;
    closingCore.close()
      .catch((error: unknown) => console.error('[core] close failed:', error))
      .finally(() => app.quit());
  });

  start().catch((error: unknown) => {
    console.error('[main] the console failed to start:', error);
    // A damaged, newer or locked data file has a message written for the duty officer: show it.
    if (error instanceof StoreError) dialog.showErrorBox('Resilience Console · 韧性城市指挥台', error.message);
    app.exit(1);
  });
}
