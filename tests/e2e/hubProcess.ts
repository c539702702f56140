import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { repoRoot } from '../playwrightShared.ts';

const BIN = path.join(repoRoot, 'electron/host/bin.mjs');

/** `resilience-console keys` for a node: its enrolment entry. */
export function keys(dir: string, id: string, role: string, code: string): unknown {
  return JSON.parse(execFileSync('node', [BIN, 'keys', '--data', dir, '--node-id', id, '--role', role, '--node-code', code, '--json'], { cwd: repoRoot, encoding: 'utf8' }));
}

/** Starts `resilience-console hub` (console API token `token`) and resolves with its port once it says it is ready. */
export function hub(token: string, args: string[]): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn('node', [BIN, 'hub', '--port', '0', '--token', token, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => { stderr += String(chunk); });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const event = JSON.parse(line) as { event: string; port: number };
      if (event.event === 'ready') resolve({ child, port: event.port });
    });
    child.on('exit', (code) => reject(new Error(`hub exited with ${String(code)}: ${stderr}`)));
  });
}
