// First: configures zod before the shared schemas are built.
import './zodConfig.ts';
import './grid/gridSetup.ts';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getConsoleApi, onTransportState } from './api/consoleApi.ts';
import { App } from './App.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { ConsoleProvider } from './state/ConsoleProvider.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <ConsoleProvider api={getConsoleApi()} subscribeTransport={onTransportState}>
        <App />
      </ConsoleProvider>
    </I18nProvider>
  </StrictMode>,
);
