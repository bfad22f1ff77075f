import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';

const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
/** What Manifest V3 extensions and many sites allow: no eval, WebAssembly compilation only. */
export const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'";

export const MODES = {
  plain: {},
  isolated: ISOLATION,
  csp: { 'Content-Security-Policy': STRICT_CSP },
  'csp-isolated': { ...ISOLATION, 'Content-Security-Policy': STRICT_CSP },
} satisfies Record<string, Record<string, string>>;
export type Mode = keyof typeof MODES;

const HTML = '<!doctype html><meta charset="utf-8"><script type="module" src="page.js"></script>';

/** src/page.ts and the packages it imports, bundled for browsers and minified, as an app would ship them. */
export async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'page.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

export async function serve(
  script: string,
): Promise<{ server: Server; url: (mode: Mode) => string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const [, mode, file] = path.split('/');
    const headers = MODES[mode as Mode];
    if (!headers || (file !== '' && file !== 'page.js')) {
      response.writeHead(404).end();
      return;
    }
    const js = file === 'page.js';
    response
      .writeHead(200, {
        ...headers,
        'Content-Type': js ? 'text/javascript' : 'text/html',
        'Cache-Control': 'no-store',
      })
      .end(js ? script : HTML);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: (mode) => `http://127.0.0.1:${port}/${mode}/` };
}
