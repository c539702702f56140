import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(ROOT, 'electron/host/bin.mjs');

/** Keeps the last `limit` characters of a stream, for failure messages. */
export class Tail {
  private text = '';
  constructor(private readonly limit = 6_000) {}
  push(chunk: string): void {
    this.text = (this.text + chunk).slice(-this.limit);
  }
  toString(): string {
    return this.text;
  }
}

/** Runs one CLI command to completion and returns its stdout, or throws with its stderr. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const stderr = new Tail();
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`resilience-console ${args.join(' ')} exited with ${code ?? signal}\nstdout: ${stdout.slice(-2000)}\nstderr: ${stderr.toString()}`));
    });
  });
}

/** A port that was free a moment ago (a hub keeps its port across restarts, so proxies can point at it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A `hub` process: started, announced ready (one JSON line on stdout), killed or stopped. */
export class HubProcess {
  readonly stderr = new Tail();
  readonly stdout = new Tail(2_000);
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  /** How each run ended, e.g. "SIGKILL", "0". */
  readonly exits: string[] = [];

  constructor(readonly label: string, private readonly args: string[], private readonly env: NodeJS.ProcessEnv) {}

  get running(): boolean {
    return this.child !== null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process and resolves with its ready line (rejects with its stderr if it dies first). */
  start(timeoutMs = 60_000): Promise<{ event: string; nodeId: string; port: number }> {
    if (this.child) throw new Error(`${this.label} is already running`);
    const child = spawn(process.execPath, [BIN, ...this.args], { cwd: ROOT, env: { ...process.env, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.stderr.push(`--- start ${new Date().toISOString()} pid ${child.pid}\n`);
    child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => {
      this.exits.push(String(signal ?? code));
      this.stderr.push(`--- exit ${signal ?? code}\n`);
      if (this.child === child) this.child = null;
      resolve();
    }));
    return new Promise((resolve, reject) => {
      let buffer = '';
      const timer = setTimeout(() => fail(new Error(`${this.label} not ready within ${timeoutMs} ms`)), timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(new Error(`${error.message}\n${this.label} stderr:\n${this.stderr.toString()}`));
      };
      child.once('exit', (code, signal) => fail(new Error(`${this.label} exited with ${signal ?? code} before it was ready`)));
      child.stdout!.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        this.stdout.push(text);
        buffer += text;
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          try {
            const event = JSON.parse(line) as { event: string; nodeId: string; port: number };
            if (event.event === 'ready') {
              clearTimeout(timer);
              resolve(event);
            }
          } catch {
            // not a JSON line; kept in the tail
          }
        }
      });
    });
  }

  /** Sends a signal and waits for the process to exit. */
  async kill(signal: NodeJS.Signals = 'SIGKILL', graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill(signal);
    const timer = signal === 'SIGKILL' ? null : setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    if (timer) clearTimeout(timer);
  }
}
