import path from 'node:path';

/** Origin the renderer is served from; the only origin trusted to navigate, call IPC or load code. */
const APP_SCHEME = 'app';
const APP_HOST = 'console';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React inline style attributes and OpenLayers' generated styles need inline styles; never inline scripts.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The Electron security baseline (style.md): every window's webPreferences, the app:// scheme,
 * the renderer's origin and its CSP. Change only with a reason in the commit; securityBaseline.test.ts
 * asserts each value.
 */
export const SECURITY_BASELINE = Object.freeze({
  webPreferences: Object.freeze({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    safeDialogs: true,
    spellcheck: false,
  }),
  scheme: Object.freeze({
    name: APP_SCHEME,
    privileges: Object.freeze({ standard: true, secure: true, supportFetchAPI: true }),
  }),
  origin: `${APP_SCHEME}://${APP_HOST}`,
  host: APP_HOST,
  /** The page loaded in every console window. */
  startUrl: `${APP_SCHEME}://${APP_HOST}/index.html`,
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
});

/** Directives that map tiles from an allowed origin need: the tile images and their fetches. */
const TILE_DIRECTIVES = ['img-src', 'connect-src'] as const;

/**
 * Returns the CSP with map-tile origins allowed explicitly for images and fetches. Each entry must be a
 * bare http(s) origin such as `https://tiles.example.gov.cn`; anything else (paths, wildcards,
 * quotes, semicolons) throws, so a configuration typo cannot widen the policy.
 */
export function withTileOrigins(tileOrigins: readonly string[], csp: string = SECURITY_BASELINE.contentSecurityPolicy): string {
  const origins = tileOrigins.map(checkedOrigin);
  if (origins.length === 0) return csp;
  return csp.split('; ').map((directive) => {
    const name = directive.split(' ')[0];
    return (TILE_DIRECTIVES as readonly string[]).includes(name ?? '') ? `${directive} ${origins.join(' ')}` : directive;
  }).join('; ');
}

function checkedOrigin(candidate: string): string {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw new Error(`not a tile origin: ${JSON.stringify(candidate)}`);
  }
  const bare = url.origin !== 'null' && candidate.replace(/\/$/, '') === url.origin
    && /^([a-z0-9-]+\.)*[a-z0-9-]+(:\d+)?$|^\[[0-9a-f:.]+\](:\d+)?$/i.test(url.host);
  if (!bare || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new Error(`not a tile origin (expected e.g. https://tiles.example.org): ${JSON.stringify(candidate)}`);
  }
  return url.origin;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for URLs of our own app:// origin (Node gives custom schemes an opaque origin, so compare parts). */
function isAppUrl(url: URL): boolean {
  // Chromium lower-cases standard-scheme hosts; Node leaves custom-scheme hosts as written.
  return url.protocol === `${APP_SCHEME}:` && url.host.toLowerCase() === APP_HOST && url.username === '' && url.password === '';
}

/**
 * Whether a window may navigate to (or an IPC sender may be at) `url`: only our app:// origin,
 * plus in development the Vite dev server's exact origin when given.
 */
export function isAllowedNavigation(url: string, devServerOrigins: readonly string[] = []): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (isAppUrl(parsed)) return true;
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && devServerOrigins.includes(parsed.origin);
}

/** Every permission request (camera, geolocation, notifications, …) is denied by default. */
export function permissionDecision(_permission?: string): boolean {
  return false;
}

/**
 * Maps an app:// request to a file under rootDir for the protocol handler, or null when refused:
 * another scheme or host, `..` in any spelling, encoded separators that would form one, absolute
 * or drive-letter paths, backslashes and NUL. `/` maps to index.html.
 */
export function resolveAppPath(requestUrl: string, rootDir: string): string | null {
  // Refuse dot segments before URL parsing folds them away: a request that tries is never innocent.
  const rawPath = requestUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/)[0] ?? '';
  if (/(^|[/\\])(\.|%2e){2}([/\\?#]|$)/i.test(rawPath) || /%2e%2e/i.test(rawPath)) return null;
  const url = parse(requestUrl);
  if (!url || !isAppUrl(url)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded === '' || decoded === '/') decoded = '/index.html';
  if (!decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) return null;
  const segments = decoded.slice(1).split('/');
  const last = segments.length - 1;
  for (const [index, segment] of segments.entries()) {
    if (segment === '.' || segment === '..' || segment.includes(':')) return null;
    if (segment === '' && index !== last) return null; // `//etc/passwd` after decoding: an absolute path
  }
  if (segments[last] === '') segments[last] = 'index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments);
  return file.startsWith(root + path.sep) ? file : null;
}
