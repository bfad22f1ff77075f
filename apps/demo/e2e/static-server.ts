import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/** Cross-origin isolation (SharedArrayBuffer), which the threaded wasm backend needs. */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

export interface StaticSite {
  /** The site's address, ending in the sub-path and a slash. */
  url: string;
  /** Every request the server answered, as "status path". */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A plain static host, as a user would put the built demo on one: `dir` is served under
 * `prefix` (any other path is a 404), with or without the COOP/COEP headers.
 */
export async function serveStatic(
  dir: string,
  { prefix, isolated }: { prefix: string; isolated: boolean },
): Promise<StaticSite> {
  if (!/^\/(.+\/)?$/.test(prefix)) {
    throw new Error(`serveStatic: prefix must start and end with "/", got "${prefix}"`);
  }
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    const file = await resolveFile(dir, prefix, path);
    const headers = isolated ? { ...ISOLATION_HEADERS } : {};
    if (!file) {
      requests.push(`404 ${path}`);
      response.writeHead(404, headers).end('not found');
      return;
    }
    requests.push(`200 ${path}`);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, { ...headers, 'Content-Type': type });
    response.end(await readFile(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The file a path names under `prefix`, index.html for a folder; undefined if none. */
async function resolveFile(dir: string, prefix: string, path: string): Promise<string | undefined> {
  if (!path.startsWith(prefix)) return undefined;
  let file = normalize(join(dir, path.slice(prefix.length)));
  if (file !== dir && !file.startsWith(dir + sep)) return undefined;
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    return (await stat(file)).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}
