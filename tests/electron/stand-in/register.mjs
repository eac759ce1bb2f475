// `node --import ./register.mjs dist/main/electron-main.js`: resolves 'electron' to the
// recording stand-in, so the real bundled main process runs in plain Node.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
