import { describe, it } from 'vitest';
import { describeBackendConformance } from './conformance.js';
import { JsBackend } from './js-backend.js';
import { createWasmBackend } from './wasm/create.js';

describeBackendConformance('js', () => new JsBackend(), { describe, it });
describeBackendConformance('wasm', () => createWasmBackend(), { describe, it });
