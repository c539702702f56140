import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'electron/host/bin.mjs');
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-cli-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => { for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true }); });

const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('resilience-console CLI', () => {
  it('lists its commands and explains each with --help', () => {
    const top = run('--help');
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/serve .*browser console/);
    for (const command of ['serve', 'start', 'import']) {
      const help = run(command, '--help');
      expect(help.status).toBe(0);
      expect(help.stdout).toContain(`Usage: resilience-console ${command}`);
      expect(help.stdout).toContain('--json');
    }
  });

  it('refuses an unknown command or option with a clear line and exit code 2', () => {
    const unknown = run('launch-missiles');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "launch-missiles"');
    const badPort = run('serve', '--port', 'eighty', '--data', tempDir());
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toContain('--port must be a whole number');
    const json = run('serve', '--bogus', '--json');
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout.trim())).toMatchObject({ event: 'error', code: 'INVALID_ARGUMENT' });
  });

  it('says a damaged data file is damaged, in one line, and leaves it alone', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'console.db');
    fs.writeFileSync(file, 'this is not a database, but somebody’s notes');
    const result = run('serve', '--data', dataDir, '--port', '0', '--json');
    expect(result.status).toBe(3);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { event: string; code?: string; message?: string });
    expect(lines.at(-1)).toMatchObject({ event: 'error', code: 'DB_CORRUPT' });
    expect(lines.at(-1)?.message).toMatch(/has not been changed/);
    expect(fs.readFileSync(file, 'utf8')).toBe('this is not a database, but somebody’s notes');
  });

  it('imports a best-track file and prints each storm; a broken file imports nothing', () => {
    const dataDir = tempDir();
    const fixture = path.join(root, 'tests/fixtures/CH2021BST-sample.txt');
    const human = run('import', 'track', fixture, '--data', dataDir);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/2106\s+In-fa\s+5 points\s+2021-07-23 00:00 → 2021-07-26 00:00 UTC\s+peak 强台风 Severe typhoon, 45 m\/s, 950 hPa/);
    const broken = path.join(tempDir(), 'CH2022BST.txt');
    fs.writeFileSync(broken, fs.readFileSync(fixture, 'utf8').replace('In-fa', 'Changed').replace('0005 0009', '0009 0009'));
    const refused = run('import', 'track', broken, '--data', dataDir, '--json');
    expect(refused.status).toBe(2);
    expect(JSON.parse(refused.stdout.trim())).toMatchObject({ event: 'error', code: 'INVALID_ARGUMENT', message: expect.stringMatching(/declares 9 fixes but has only 5\); nothing was imported/) });
    const again = run('import', 'track', fixture, '--data', dataDir, '--json');
    const storms = again.stdout.trim().split('\n').map((line) => JSON.parse(line) as { event: string; name?: string }).filter((e) => e.event === 'storm');
    expect(storms.map((storm) => storm.name)).toEqual(['In-fa', '(nameless)']);
    expect(run('import', 'tracks', fixture, '--data', dataDir).stderr).toContain('expected "import track|depots|stock|teams FILE"');
  });

  it('imports depots and stock from CSV, and refuses a file with one bad row whole', () => {
    const dataDir = tempDir();
    const fixtures = path.join(root, 'tests/fixtures');
    const depots = run('import', 'depots', path.join(fixtures, 'depots.csv'), '--data', dataDir, '--json');
    expect(JSON.parse(depots.stdout.trim().split('\n').at(-1)!)).toEqual({ event: 'imported', kind: 'depots', rows: 2, file: 'depots.csv' });
    const bad = path.join(tempDir(), 'stock.csv');
    fs.writeFileSync(bad, fs.readFileSync(path.join(fixtures, 'stock.csv'), 'utf8').replace('pd-depot-9,demo-item-pump,12', 'pd-depot-9,demo-item-pump,twelve'));
    const refused = run('import', 'stock', bad, '--data', dataDir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/stock\.csv was not imported \(nothing was changed\): line 4: quantity: /);
    expect(run('import', 'stock', path.join(fixtures, 'stock.csv'), '--data', dataDir).stdout).toContain('Imported 3 stock row(s) from stock.csv.');
  });

  it('serves with --json: reports seeding progress and the address, and stops on SIGTERM', async () => {
    const { events, url, stop } = await launch('serve', '--data', tempDir(), '--port', '0', '--json', '--token', 'cli-token');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=cli-token$/);
    const seeding = events.filter((event) => event.event === 'seeding');
    expect(seeding.length).toBeGreaterThan(0);
    expect(seeding.at(-1)!.done).toBe(seeding.at(-1)!.total);
    const health = await fetch(new URL('/healthz', url));
    expect(health.status).toBe(200);
    expect(await stop()).toBe(0);
    expect(events.at(-1)?.event).toBe('stopped');
  });

  it('start: without the Electron binary, says so in one line and opens the browser console', async () => {
    const { events, url, stop } = await launch('start', '--data', tempDir(), '--port', '0', '--json');
    const notice = events.find((event) => event.event === 'electron-unavailable');
    expect(notice?.message).toMatch(/^The Electron binary is not installed on this machine.*starting the browser console instead\.$/);
    const page = await fetch(url.replace(/#.*$/, ''));
    expect(await page.text()).toContain('<div id="root">');
    expect(await stop()).toBe(0);
  }, 120_000);
});

interface CliEvent { event: string; url?: string; done?: number; total?: number; message?: string }

/** Starts a long-running command with --json and waits for its address. */
async function launch(...args: string[]): Promise<{ events: CliEvent[]; url: string; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root });
  const events: CliEvent[] = [];
  let buffer = '';
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        const event = JSON.parse(line) as CliEvent;
        events.push(event);
        if (event.event === 'listening') resolve(event.url!);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const url = await listening;
  return {
    events,
    url,
    stop() {
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      return exited;
    },
  };
}
