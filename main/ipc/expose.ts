// The ONLY preload file that touches ipcRenderer (enforced by eslint.config.js).
import { contextBridge, ipcRenderer } from 'electron';
import { buildExposedApi } from './exposed-api.js';

export function exposeApi(): void {
  contextBridge.exposeInMainWorld('nianbaoApi', buildExposedApi((channel, args) => ipcRenderer.invoke(channel, args)));
}
