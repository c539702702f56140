import os from 'node:os';

/**
 * Which `Origin` and `Host` headers the console service answers. A browser page may drive the
 * console only from the origin the service was started for: the loopback names, the address it
 * listens on (every interface address when it listens on all of them) and any origin the
 * administrator adds with `--allow-origin`. The Host header is checked against the same list,
 * so a DNS-rebinding page (evil.example resolving to 127.0.0.1) is refused although the
 * browser thinks it is same-origin.
 */
export interface OriginPolicy {
  /** True when the request may be answered: its Host is ours, and its Origin (if sent) is ours. */
  allows(host: string | undefined, origin: string | undefined): { ok: true } | { ok: false; reason: 'host' | 'origin' };
  readonly origins: readonly string[];
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** `host:port` as a Host header carries it: IPv6 in brackets, names lower-cased. */
function authority(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare.includes(':') ? `[${bare}]:${port}` : `${bare}:${port}`;
}

/** Normalises `--allow-origin` values; throws with a message for the administrator on anything but scheme://host[:port]. */
export function parseAllowedOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--allow-origin must be an address like http://hall-pc:5170, not "${value}"`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new Error(`--allow-origin must be an address like http://hall-pc:5170 (scheme, host and port only), not "${value}"`);
  }
  return url.origin;
}

export function createOriginPolicy(listenHost: string, port: number, allowOrigins: readonly string[] = []): OriginPolicy {
  const hosts = new Set<string>(['127.0.0.1', 'localhost', '::1']);
  if (WILDCARDS.has(listenHost)) {
    for (const addresses of Object.values(os.networkInterfaces())) {
      for (const address of addresses ?? []) hosts.add(address.address.replace(/%.*$/, ''));
    }
  } else {
    hosts.add(listenHost);
  }
  const origins = new Set<string>();
  const authorities = new Set<string>();
  for (const host of hosts) {
    const hostPort = authority(host, port);
    authorities.add(hostPort);
    origins.add(`http://${hostPort}`);
    origins.add(`https://${hostPort}`);
  }
  for (const value of allowOrigins) {
    const origin = parseAllowedOrigin(value);
    origins.add(origin);
    authorities.add(new URL(origin).host);
    // A default port is left out of Origin and of Host alike.
  }
  return {
    origins: [...origins],
    allows(host, origin) {
      if (host === undefined || !authorities.has(host.toLowerCase())) return { ok: false, reason: 'host' };
      if (origin !== undefined && !origins.has(origin.toLowerCase())) return { ok: false, reason: 'origin' };
      return { ok: true };
    },
  };
}
