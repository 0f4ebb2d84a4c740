import { App as AntApp } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { captureToken } from './api/token';
import { ConnectionGate } from './features/connection/ConnectionGate';
import { I18nProvider } from './i18n/context';
import './styles.css';

// Before the first render, so the token leaves the address bar at once.
if (!window.keyfleet) captureToken();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <AntApp className="app-root">
        <ConnectionGate>
          <App />
        </ConnectionGate>
      </AntApp>
    </I18nProvider>
  </StrictMode>,
);
