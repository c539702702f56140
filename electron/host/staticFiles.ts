import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};

/** Maps a request path to a file under root, refusing anything that escapes it; `/` and unknown routes get index.html. */
export function resolveStaticFile(root: string, requestPath: string): { file: string; type: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rootResolved = path.resolve(root);
  const candidate = path.resolve(rootResolved, `.${path.posix.normalize(`/${decoded}`)}`);
  if (candidate !== rootResolved && !candidate.startsWith(rootResolved + path.sep)) return null;
  const file = fs.existsSync(candidate) && fs.statSync(candidate).isFile() ? candidate : path.join(rootResolved, 'index.html');
  if (!fs.existsSync(file)) return null;
  return { file, type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
}
