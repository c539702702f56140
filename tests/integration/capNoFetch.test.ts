import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCapDocument } from '../../shared/cap/capDocument.ts';
import { writeCap12 } from '../../shared/cap/capWrite.ts';
import { readSample } from './capSamples.ts';

// A server standing in for the attacker's: every request to it is counted.
const requests: string[] = [];
let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    response.end('<!ENTITY leak "secret">');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the CAP reader never fetches what a document points to', () => {
  it('refuses the XXE samples aimed at a live server, and the server hears nothing', () => {
    for (const file of ['xee.cap', 'xee.atom']) {
      const text = readSample(file).replaceAll('http://localhost:8080', base).replaceAll('http://googleusercontent.com', base);
      expect(text).toContain(base);
      expect(() => readCapDocument(text)).toThrow(/DOCTYPE declaration/);
    }
    expect(requests).toEqual([]);
  });

  it('reads a message carrying a stylesheet and a schema location as plain markup, fetches neither and exports neither', () => {
    const weather = readSample('weather.cap');
    const text = weather
      .replace('?>', `?>\n<?xml-stylesheet type="text/xsl" href="${base}/style.xsl"?>`)
      .replace('<identifier>', `<ext:x xmlns:ext="http://example.invalid/ext" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://example.invalid/ext ${base}/a.xsd"/><identifier>`);
    expect(text).toContain(`${base}/a.xsd`);
    const [alert] = readCapDocument(text).alerts;
    expect(alert!.event).toBe('Flash Flood Watch');
    expect(writeCap12(alert!)).not.toContain(base);
    expect(requests).toEqual([]);
  });

  it('refuses XInclude by name (CAP never uses it), and the server hears nothing', () => {
    const text = readSample('weather.cap')
      .replace('<identifier>', `<ext:x xmlns:ext="http://example.invalid/ext" xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="${base}/include"/></ext:x><identifier>`);
    expect(text).toContain(`${base}/include`);
    expect(() => readCapDocument(text)).toThrow(/^<xi:include>: is an XInclude instruction; CAP never uses XInclude and nothing a document points to is ever fetched$/);
    expect(requests).toEqual([]);
  });
});
