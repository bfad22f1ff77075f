// The entry Node.js (and bundles for it) load, through the `node` export condition: the
// browser entry plus wasm as the synchronous default backend.
import { makeWasmTheDefault } from './wasm/node-default.js';

export * from './index.js';

makeWasmTheDefault();
