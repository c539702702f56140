// First: configures zod before the shared schemas are built.
import './zodConfig.ts';
import './grid/gridSetup.ts';
import './fonts.ts';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { withoutToken } from '../shared/wall/routes.ts';
import { getConsoleApi, onTransportState } from './api/consoleApi.ts';
import { App } from './App.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { ConsoleProvider } from './state/ConsoleProvider.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// An address may carry both a panel route and the access token (`#/wall?hall=…&display=A1&token=…`):
// reading the token clears the hash, so the route is kept and put back.
const route = withoutToken(window.location.hash);
const api = getConsoleApi();
if (route && window.location.hash !== route) history.replaceState(null, '', window.location.pathname + window.location.search + route);

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <ConsoleProvider api={api} subscribeTransport={onTransportState}>
        <App />
      </ConsoleProvider>
    </I18nProvider>
  </StrictMode>,
);
