import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { popOutBounds, popOutRoute, readDesk, writeDesk } from './popOut.ts';
import { isAllowedNavigation } from './securityBaseline.ts';

const isOurs = (url: string) => isAllowedNavigation(url, []);
const folders: string[] = [];
afterEach(() => { for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true }); });

describe('popping a panel out of the desk window', () => {
  it('opens our own panel and wall addresses, normalised, and nothing else', () => {
    expect(popOutRoute('app://console/index.html#/map?view=121.47,31.23,10&layers=incidents', isOurs)).toBe('#/map?layers=incidents&view=121.47,31.23,10');
    expect(popOutRoute('app://console/index.html#/board/stock?district=310101000000', isOurs)).toBe('#/board/stock?district=310101000000');
    expect(popOutRoute('app://console/index.html#/wall?hall=city-hall&display=A1', isOurs)).toBe('#/wall?hall=city-hall&display=A1');
    expect(popOutRoute('https://example.org/#/map', isOurs)).toBeNull();
    expect(popOutRoute('app://console/index.html#/settings', isOurs)).toBeNull();
    expect(popOutRoute('app://console/index.html#/map?layers=javascript:alert(1)', isOurs)).toBeNull();
    expect(popOutRoute('not a url', isOurs)).toBeNull();
  });

  it('takes the size and place window.open asks for, within sane limits', () => {
    expect(popOutBounds('popup,width=1280,height=800')).toEqual({ width: 1280, height: 800 });
    expect(popOutBounds('popup,width=1920,height=1080,left=1920,top=0')).toEqual({ x: 1920, y: 0, width: 1920, height: 1080 });
    expect(popOutBounds('width=10,height=99999')).toEqual({ width: 480, height: 4320 });
    expect(popOutBounds('')).toEqual({ width: 1280, height: 800 });
  });

  it('remembers the desk in a file that a crash or tampering cannot turn into an error at start', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-desk-'));
    folders.push(dir);
    const file = path.join(dir, 'desk-windows.json');
    expect(readDesk(file)).toEqual([]);
    const windows = [{ route: '#/map', monitorId: 2, monitorLabel: 'DELL U2720Q', bounds: { x: 1920, y: 0, width: 1280, height: 800 } }];
    writeDesk(file, windows);
    expect(readDesk(file)).toEqual(windows);
    fs.writeFileSync(file, '{"not": "a desk"');
    expect(readDesk(file)).toEqual([]);
    fs.writeFileSync(file, JSON.stringify([{ route: '#/map', monitorId: 1, monitorLabel: '', bounds: { x: 0, y: 0, width: 1e9, height: 1 } }]));
    expect(readDesk(file)).toEqual([]);
  });
});
