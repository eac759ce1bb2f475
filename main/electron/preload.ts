// Sandboxed preload (bundled to dist/main/preload.cjs): exposes the typed API and nothing else.
import { exposeApi } from '../ipc/expose.js';

exposeApi();
