import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { addressRefusal } from './addressPolicy.ts';

/** Resolves a host name to its addresses (injected in tests, so refusals need no DNS or traffic). */
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/** A fetch refused by policy, before or during the transfer: the reason is for the audit trail. */
export class FetchRefused extends Error {
  constructor(readonly reason: string, message: string) {
    super(message);
    this.name = 'FetchRefused';
  }
}

export interface SafeFetchOptions {
  resolver?: Resolver;
  /** The administrator named this host: its addresses may be private (an internal tile server). */
  allowPrivate: boolean;
  /** Largest body accepted; the transfer is cut as soon as it passes this. */
  maxBytes: number;
  timeoutMs: number;
  /** `http.request`/`https.request`, replaceable so a test can prove no connection was made. */
  request?: (url: URL, options: https.RequestOptions, callback: (response: http.IncomingMessage) => void) => http.ClientRequest;
}

export interface FetchedBody {
  status: number;
  contentType: string;
  data: Buffer;
}

const defaultRequest: NonNullable<SafeFetchOptions['request']> = (url, options, callback) =>
  (url.protocol === 'https:' ? https : http).request(options, callback);

/**
 * GETs `target` for the online basemap: resolves the host first, refuses any address that is
 * not public (unless allowed), then connects to exactly that address (no second lookup for a
 * rebinding DNS server to answer differently), follows no redirect, and cuts the body at
 * `maxBytes` while it streams.
 */
export async function safeFetch(target: string, options: SafeFetchOptions): Promise<FetchedBody> {
  const url = new URL(target);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefused('scheme', `only http and https are fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new FetchRefused('credentials', 'addresses with a user name or password are not fetched');
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(hostname) ? [{ address: hostname, family: isIP(hostname) }] : await (options.resolver ?? systemResolver)(hostname);
  if (addresses.length === 0) throw new FetchRefused('unresolved', `${hostname} has no address`);
  if (!options.allowPrivate) {
    for (const { address } of addresses) {
      const refusal = addressRefusal(address);
      if (refusal) throw new FetchRefused(refusal, `${hostname} resolves to ${address} (${refusal}); the administrator must allow this host by name`);
    }
  }
  const chosen = addresses[0]!;
  const request = options.request ?? defaultRequest;
  return new Promise<FetchedBody>((resolve, reject) => {
    const signal = AbortSignal.timeout(options.timeoutMs);
    const outgoing = request(url, {
      host: chosen.address,
      family: chosen.family,
      port: url.port || (url.protocol === 'https:' ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: { host: url.host, accept: 'image/*, application/x-protobuf', 'user-agent': 'ResilienceConsole-tiles' },
      // TLS checks the certificate against the name, although the connection goes to the checked address.
      ...(isIP(hostname) ? {} : { servername: hostname }),
      agent: false,
      signal,
    }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        response.destroy();
        reject(new FetchRefused('redirect', `the tile server answered ${status} (a redirect), which is not followed`));
        return;
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        response.destroy();
        reject(new FetchRefused('too large', `a tile of ${declared} bytes is over the ${options.maxBytes}-byte limit`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          response.destroy();
          reject(new FetchRefused('too large', `a tile over the ${options.maxBytes}-byte limit was cut off`));
          return;
        }
        chunks.push(chunk);
      });
      response.on('error', reject);
      response.on('end', () => resolve({
        status, contentType: String(response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase(), data: Buffer.concat(chunks),
      }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
