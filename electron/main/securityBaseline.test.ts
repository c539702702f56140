import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isAllowedNavigation, permissionDecision, resolveAppPath, SECURITY_BASELINE, withTileOrigins,
} from './securityBaseline.ts';

const root = path.resolve('/srv/console/renderer');

describe('the Electron security baseline', () => {
  it('isolates and sandboxes every renderer, with no Node and no webviews', () => {
    expect(SECURITY_BASELINE.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      safeDialogs: true,
      spellcheck: false,
    });
  });

  it('serves the renderer from a privileged app:// scheme at app://console', () => {
    expect(SECURITY_BASELINE.scheme).toEqual({ name: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
    expect(SECURITY_BASELINE.origin).toBe('app://console');
    expect(SECURITY_BASELINE.startUrl).toBe('app://console/index.html');
    expect(isAllowedNavigation(SECURITY_BASELINE.startUrl)).toBe(true);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(SECURITY_BASELINE)).toBe(true);
    expect(Object.isFrozen(SECURITY_BASELINE.webPreferences)).toBe(true);
    expect(Object.isFrozen(SECURITY_BASELINE.scheme.privileges)).toBe(true);
    expect(() => { (SECURITY_BASELINE.webPreferences as { sandbox: boolean }).sandbox = false; }).toThrow(TypeError);
  });

  it('has a CSP allowing only our own origin for code, with no objects, framing, forms or base changes', () => {
    expect(SECURITY_BASELINE.contentSecurityPolicy).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
      + "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(SECURITY_BASELINE.contentSecurityPolicy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  });

  it('denies every permission request', () => {
    for (const permission of [undefined, 'media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(permissionDecision(permission)).toBe(false);
    }
  });
});

describe('withTileOrigins', () => {
  it('adds map-tile origins to img-src and connect-src only', () => {
    const csp = withTileOrigins(['https://tiles.example.gov.cn', 'http://10.0.0.5:8080/']);
    expect(csp).toContain("img-src 'self' data: blob: https://tiles.example.gov.cn http://10.0.0.5:8080;");
    expect(csp).toContain("connect-src 'self' https://tiles.example.gov.cn http://10.0.0.5:8080;");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("default-src 'self';");
    expect(csp.split('; ')).toHaveLength(SECURITY_BASELINE.contentSecurityPolicy.split('; ').length);
  });

  it('leaves the policy unchanged with no origins', () => {
    expect(withTileOrigins([])).toBe(SECURITY_BASELINE.contentSecurityPolicy);
  });

  it('refuses anything but a bare http(s) origin, so a typo cannot widen the policy', () => {
    for (const bad of ['*', 'https://*.example.org', 'https://tiles.example.org/z/{z}', "https://a.example; script-src 'unsafe-eval'",
      'tiles.example.org', 'file:///tiles', 'data:', "'unsafe-inline'", 'https://user:pw@tiles.example.org']) {
      expect(() => withTileOrigins([bad]), bad).toThrow(/tile origin/);
    }
  });
});

describe('isAllowedNavigation', () => {
  it('allows pages of our app:// origin', () => {
    expect(isAllowedNavigation('app://console/')).toBe(true);
    expect(isAllowedNavigation('app://console/index.html#/incidents')).toBe(true);
    expect(isAllowedNavigation('APP://CONSOLE/index.html')).toBe(true);
  });

  it('refuses foreign origins, other schemes and look-alikes', () => {
    for (const url of [
      'https://example.org/', 'https://evil.example/', 'http://localhost:5173/', 'file:///etc/passwd', 'app://other/index.html',
      'app://console.evil.example/', 'app://user@console/', 'app://console:1/', 'javascript:alert(1)', 'data:text/html,<p>x',
      'about:blank', 'chrome://settings', 'devtools://devtools/', '', 'not a url',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('allows the dev server only at its exact origin, and only when given', () => {
    expect(isAllowedNavigation('http://localhost:5173/')).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/src/main.tsx', ['http://localhost:5173'])).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', ['http://localhost:5173'])).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', ['http://localhost:5173'])).toBe(false);
  });
});

describe('resolveAppPath', () => {
  it('maps / to index.html and files to files under the root', () => {
    expect(resolveAppPath('app://console/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://console', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://console/index.html?x=1#top', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://console/assets/index-a1b2.js', root)).toBe(path.join(root, 'assets', 'index-a1b2.js'));
    expect(resolveAppPath('app://console/assets/', root)).toBe(path.join(root, 'assets', 'index.html'));
    expect(resolveAppPath('app://console/fonts/Noto%20Sans.woff2', root)).toBe(path.join(root, 'fonts', 'Noto Sans.woff2'));
    expect(resolveAppPath('app://console/tiles/a..b.png', root)).toBe(path.join(root, 'tiles', 'a..b.png'));
  });

  it('refuses path traversal in every spelling', () => {
    for (const url of [
      'app://console/../etc/passwd',
      'app://console/assets/../../etc/passwd',
      'app://console/..',
      'app://console/%2e%2e/etc/passwd',
      'app://console/%2E%2E/%2E%2E/etc/passwd',
      'app://console/.%2e/etc/passwd',
      'app://console/%2e./etc/passwd',
      'app://console/assets/..%2f..%2fetc%2fpasswd',
      'app://console/..%5c..%5cwindows%5cwin.ini',
      'app://console/assets%2f..%2f..%2fsecret',
      'app://console/assets/%2e%2e',
      'app://console/assets\\..\\..\\secret',
    ]) {
      expect(resolveAppPath(url, root), url).toBeNull();
    }
  });

  it('refuses absolute paths, drive letters, NUL and malformed escapes', () => {
    for (const url of [
      'app://console//etc/passwd',
      'app://console/%2fetc%2fpasswd',
      'app://console/C:/Windows/win.ini',
      'app://console/c%3a%5cWindows%5cwin.ini',
      'app://console/index.html%00.png',
      'app://console/%E0%A4%A',
      '/etc/passwd',
      path.join(root, 'index.html'),
    ]) {
      expect(resolveAppPath(url, root), url).toBeNull();
    }
  });

  it('refuses other hosts and schemes', () => {
    for (const url of ['app://evil/index.html', 'app://console.evil/index.html', 'app://user:pw@console/index.html',
      'https://console/index.html', 'file:///srv/console/renderer/index.html', 'http://example.org/index.html']) {
      expect(resolveAppPath(url, root), url).toBeNull();
    }
  });
});

describe('Electron fuses flipped at package time', () => {
  it('turns off running as Node, NODE_OPTIONS, inspector flags and file:// extra privileges, and requires the checked asar', async () => {
    const { FUSES } = await import('../../forge.config.ts');
    const { FuseV1Options } = await import('@electron/fuses');
    expect(FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true);
  });
});
