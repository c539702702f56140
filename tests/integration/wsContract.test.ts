import WebSocket from 'ws';
import { createConsoleCore } from '../../electron/core/consoleCore.ts';
import { startHost } from '../../electron/host/hostServer.ts';
import { connectWsConsole, type SocketFactory } from '../../renderer/api/wsTransport.ts';
import { runContractSuite } from './contractSuite.ts';

const wsFactory: SocketFactory = (url) => new WebSocket(url) as unknown as ReturnType<SocketFactory>;

runContractSuite('WebSocket (browser console host)', async (dataDir) => {
  const core = await createConsoleCore({ dataDir });
  const host = await startHost({ core, port: 0, staticDir: dataDir, token: 'contract-token' });
  const connection = connectWsConsole(`ws://127.0.0.1:${host.port}/api?token=contract-token`, { createSocket: wsFactory });
  return {
    api: connection.api,
    countOps: () => core.store.query('meta.countOps'),
    async close() {
      connection.close();
      await host.close();
      await core.close();
    },
  };
});
