import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { BIN, ROOT, runCli, Tail } from '../fault/nodeProcess.ts';

/** A real `serve` process on 127.0.0.1 (port 0), for the host's security tests. */
export class ServeProcess {
  readonly stderr = new Tail();
  port = 0;
  token = '';
  private child: ChildProcess | null = null;
  private exited: Promise<number | string> = Promise.resolve(0);

  constructor(readonly dataDir: string, private readonly extraArgs: string[] = [], readonly staticDir = ServeProcess.staticDir()) {}

  /** A tiny "built renderer", so the tests do not depend on `npm run build:renderer`. */
  static staticDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-sec-static-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>console</title>');
    return dir;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(port = 0, timeoutMs = 120_000): Promise<void> {
    const child = spawn(process.execPath, [BIN, 'serve', '--data', this.dataDir, '--port', String(port), '--static', this.staticDir, '--json', ...this.extraArgs],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code ?? -1)));
    let buffer = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start: ${this.stderr.toString()}`)), timeoutMs);
      child.stdout!.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        for (let at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n')) {
          const line = buffer.slice(0, at);
          buffer = buffer.slice(at + 1);
          try {
            const event = JSON.parse(line) as { event: string; url?: string; port?: number };
            if (event.event === 'listening') {
              clearTimeout(timer);
              this.port = event.port!;
              this.token = decodeURIComponent(/#token=(.+)$/.exec(event.url!)![1]!);
              resolve();
            }
          } catch {
            // Not one of the JSON lines.
          }
        }
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${this.stderr.toString()}`)));
    });
  }

  async stop(): Promise<number | string> {
    if (this.child && this.running) this.child.kill('SIGTERM');
    const result = await this.exited;
    this.child = null;
    return result;
  }

  /** Kills the process outright (SIGKILL): nothing it has not already written survives. */
  async kill(): Promise<void> {
    if (this.child && this.running) this.child.kill('SIGKILL');
    await this.exited;
    this.child = null;
  }

  /** The process is alive and answering HTTP. */
  async healthy(): Promise<boolean> {
    if (!this.running) return false;
    const response = await fetch(`http://127.0.0.1:${this.port}/healthz`).catch(() => null);
    return response?.status === 200;
  }
}

/** `verify --json` on the data folder: every replicated table's checksum (works while serve runs). */
export async function checksums(dataDir: string): Promise<{ checksum: string; opCount: number; tables: Record<string, string> }> {
  return JSON.parse(await runCli(['verify', '--data', dataDir, '--json'])) as { checksum: string; opCount: number; tables: Record<string, string> };
}

/** The audit trail's rows, read straight from the data folder's database (read-only). */
export async function auditRows(dataDir: string): Promise<{ actor: string; action: string; detail: Record<string, unknown> }[]> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(dataDir, 'console.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT actor, action, detail FROM audit ORDER BY id').all() as { actor: string; action: string; detail: string }[])
      .map((row) => ({ actor: row.actor, action: row.action, detail: JSON.parse(row.detail) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

/**
 * Opens a raw TCP connection, performs a WebSocket handshake to `requestPath` by hand and
 * resolves with the socket and the status line, so a test can then send frames no client
 * library would (unmasked, oversized, malformed).
 */
export function rawUpgrade(port: number, requestPath: string, headers: Record<string, string> = {}): Promise<{ socket: net.Socket; status: string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('error', () => undefined);
    let head = '';
    socket.once('connect', () => {
      const lines = [`GET ${requestPath} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Upgrade: websocket', 'Connection: Upgrade',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13',
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      resolve({ socket, status: head.slice(0, head.indexOf('\r\n')), closed });
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error(`closed during the handshake: ${head.slice(0, 200)}`)));
  });
}

/** A client-to-server frame; `mask` false makes the frame every server must refuse. */
export function frame(opcode: number, payload: Buffer, mask = true, declaredLength?: number): Buffer {
  const length = declaredLength ?? payload.length;
  const header: number[] = [0x80 | opcode];
  const maskBit = mask ? 0x80 : 0;
  if (length < 126) header.push(maskBit | length);
  else if (length < 65536) header.push(maskBit | 126, length >> 8, length & 0xff);
  else {
    header.push(maskBit | 127);
    const big = Buffer.alloc(8);
    big.writeBigUInt64BE(BigInt(length));
    header.push(...big);
  }
  if (!mask) return Buffer.concat([Buffer.from(header), payload]);
  const key = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const masked = Buffer.from(payload.map((byte, index) => byte ^ key[index % 4]!));
  return Buffer.concat([Buffer.from(header), key, masked]);
}
