import { createConsoleCore } from '../../electron/core/consoleCore.ts';
import { createFakeIpc } from '../../electron/main/fakeIpc.ts';
import { forwardEvents, registerConsoleHandlers } from '../../electron/main/ipcHandlers.ts';
import { isAllowedNavigation } from '../../electron/main/securityBaseline.ts';
import { buildApi } from '../../electron/preload/buildApi.ts';
import { runContractSuite } from './contractSuite.ts';

// The contract over Electron IPC without the Electron binary: the real core (SQLite in a temp folder)
// and the real main-process wrapper and preload, with only Electron's IPC objects faked.
runContractSuite('Electron IPC (main process + preload)', async (dataDir) => {
  const core = await createConsoleCore({ dataDir });
  const ipc = createFakeIpc({ frameUrl: 'app://console/index.html' });
  const desk = core.users.ensureAdministrator('desk-token');
  const unregister = registerConsoleHandlers(ipc.ipcMain, (method, input, frameUrl) => core.call(desk, method, input, `ipc ${frameUrl}`), { isTrustedSender: (url) => isAllowedNavigation(url) });
  const stopEvents = forwardEvents(core.subscribe.bind(core), ipc.webContents);
  return {
    api: buildApi(ipc.ipcRenderer),
    countOps: () => core.store.query('meta.countOps'),
    async close() {
      stopEvents();
      unregister();
      await core.close();
    },
  };
});
