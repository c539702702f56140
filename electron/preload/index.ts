// The sandboxed preload: exposes the typed ConsoleApi as `window.resilienceConsole` and nothing else.
// Bundled into one CommonJS file by Forge's Vite plugin, since a sandboxed preload can only require 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './buildApi.ts';

contextBridge.exposeInMainWorld('resilienceConsole', buildApi(ipcRenderer));
