import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { repoRoot } from '../playwrightShared.ts';

export const PORT = Number(process.env.RC_E2E_PORT ?? 5198);
export const TOKEN = 'wall-token';
export const BASE = `http://127.0.0.1:${PORT}`;
const BIN = path.join(repoRoot, 'electron/host/bin.mjs');

/** A real `serve` process on a fresh data folder; stop() and start() again keep the folder and the token. */
export class WallHost {
  readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-wall-'));
  private child: ChildProcess | null = null;

  async start(): Promise<void> {
    const child = spawn(process.execPath, [BIN, 'serve', '--data', this.dataDir, '--port', String(PORT), '--token', TOKEN, '--json'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let errors = '';
    child.stderr!.on('data', (chunk) => { errors += chunk; });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk) => {
        out += chunk;
        if (out.includes('"event":"listening"')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${errors}`)));
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    this.child = null;
  }

  /** Runs the CLI as an operator would; resolves with its exit status and output. */
  cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: repoRoot });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => { stdout += chunk; });
      child.stderr.on('data', (chunk) => { stderr += chunk; });
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  }

  async dispose(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** A window of its own (a new browser context opens a new window), placed on the screen through CDP. */
export async function openWindow(browser: Browser, url: string, bounds: { left: number; top: number; width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: null, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  const { windowId } = await session.send('Browser.getWindowForTarget');
  await session.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } });
  await session.send('Browser.setWindowBounds', { windowId, bounds });
  await page.goto(url);
  return { context, page };
}

/** Records, inside a wall page, when its title last changed (epoch ms), to time a switch across windows. */
export async function watchTitle(page: Page): Promise<void> {
  await page.evaluate(() => {
    const record = () => {
      const w = window as unknown as { __titles: { title: string; at: number }[] };
      w.__titles.push({ title: document.title, at: Date.now() });
    };
    (window as unknown as { __titles: unknown[] }).__titles = [];
    new MutationObserver(record).observe(document.head, { childList: true, subtree: true, characterData: true });
  });
}

/** When the page's title first became `title`, or null. */
export function titleReachedAt(page: Page, title: string): Promise<number | null> {
  return page.evaluate((wanted) => (window as unknown as { __titles: { title: string; at: number }[] }).__titles.find((entry) => entry.title === wanted)?.at ?? null, title);
}
