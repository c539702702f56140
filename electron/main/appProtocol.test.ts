import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from './appProtocol.ts';
import { SECURITY_BASELINE, withTileOrigins } from './securityBaseline.ts';

let base: string;
let rootDir: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-app-protocol-'));
  rootDir = path.join(base, 'renderer', 'main_window');
  fs.mkdirSync(path.join(rootDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rootDir, 'index.html'), '<!doctype html><title>Resilience Console</title>');
  fs.writeFileSync(path.join(rootDir, 'assets', 'index-a1.js'), 'export {};');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'data outside the renderer');
  handle = createAppProtocolHandler({ rootDir });
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('the app:// protocol handler', () => {
  it('serves index.html for / with the CSP and a content type', async () => {
    const response = await handle(new Request('app://console/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(SECURITY_BASELINE.contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Resilience Console');
  });

  it('serves built assets as JavaScript', async () => {
    const response = await handle(new Request('app://console/assets/index-a1.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a missing file and 403 for traversal, never reading outside the renderer', async () => {
    expect((await handle(new Request('app://console/assets/nope.js'))).status).toBe(404);
    for (const url of ['app://console/..%2f..%2fsecret.txt', 'app://console/assets%2f..%2f..%2f..%2fsecret.txt', 'app://other/index.html']) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(403);
      expect(await response.text()).not.toContain('outside');
      expect(response.headers.get('content-security-policy')).toBe(SECURITY_BASELINE.contentSecurityPolicy);
    }
    // The URL parser (Chromium's, and Node's Request here) folds `%2e%2e` segments away before the
    // handler sees them, so this one arrives as /secret.txt inside the renderer folder: not found.
    const folded = await handle(new Request('app://console/%2e%2e/%2e%2e/secret.txt'));
    expect(folded.status).toBe(404);
    expect(await folded.text()).not.toContain('outside');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await handle(new Request('app://console/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handle(new Request('app://console/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('sends a CSP widened only by the configured tile origins', async () => {
    const csp = withTileOrigins(['https://tiles.example.gov.cn']);
    const response = await createAppProtocolHandler({ rootDir, contentSecurityPolicy: csp })(new Request('app://console/'));
    expect(response.headers.get('content-security-policy')).toBe(csp);
  });
});
