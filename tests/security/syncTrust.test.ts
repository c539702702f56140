import { execFileSync } from 'node:child_process';
import { randomBytes, sign } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { VerifyReport } from '../../shared/ipc/contract.ts';
import { perPriority } from '../../shared/sync/wire.ts';
import { proofText } from '../../electron/core/sync/handshake.ts';
import { loadOrCreateNodeKeys, type NodeKeys } from '../../electron/core/sync/nodeKeys.ts';
import { ApiClient } from '../fault/apiClient.ts';
import { freePort, HubProcess, runCli } from '../fault/nodeProcess.ts';
import { enrol, until } from '../integration/syncNodes.ts';

/** Issue 10, finding 5: a child pins its parent's key whatever id it claims, and hubs speak wss:// with the organisation's certificate. */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-trust-'));
const hubs: HubProcess[] = [];
const TOKEN = 'trust-suite';

afterAll(async () => {
  for (const hub of hubs) await hub.kill('SIGTERM');
  fs.rmSync(root, { recursive: true, force: true });
});

function startHub(label: string, args: string[]): Promise<{ port: number }> {
  const hub = new HubProcess(label, ['hub', '--port', '0', '--json', '--token', TOKEN, '--verify-every', '0', ...args], {});
  hubs.push(hub);
  return hub.start().then((ready) => ({ port: ready.port, hub }));
}

function auditOf(dataDir: string): { action: string; detail: Record<string, unknown> }[] {
  const db = new Database(path.join(dataDir, 'console.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT action, detail FROM audit ORDER BY id').all() as { action: string; detail: string }[]).map((row) => ({ action: row.action, detail: JSON.parse(row.detail) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

/** The parent keys a node has pinned, read from its SQLite file. */
function pinnedParents(dataDir: string): string[] {
  if (!fs.existsSync(path.join(dataDir, 'console.db'))) return [];
  const db = new Database(path.join(dataDir, 'console.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT public_key AS key FROM sync_peers WHERE relation = 'parent'").all() as { key: string | null }[]).flatMap((row) => (row.key ? [row.key] : []));
  } finally {
    db.close();
  }
}

/** A parent that answers the handshake correctly with `keys`, claiming to be `nodeId`; counts welcomes and records close codes. */
function fakeParent(port: number, nodeId: string, keys: NodeKeys) {
  const server = new WebSocketServer({ port, host: '127.0.0.1', path: '/sync' });
  const seen = { welcomed: 0, closes: [] as number[] };
  server.on('connection', (ws) => {
    const nonce = randomBytes(16).toString('hex');
    ws.on('error', () => undefined);
    ws.on('close', (code) => seen.closes.push(code));
    ws.send(JSON.stringify({ t: 'challenge', nodeId, nodeCode: '310000000000', role: 'city', publicKey: keys.publicKeyText, nonce }));
    ws.once('message', (data) => {
      const hello = JSON.parse(String(data)) as { nodeId: string; nonce: string };
      const received = perPriority(0);
      ws.send(JSON.stringify({ t: 'welcome', received, signature: sign(null, Buffer.from(proofText(hello.nonce, nodeId, hello.nodeId, received)), keys.privateKey).toString('base64') }));
      seen.welcomed += 1;
    });
  });
  return { seen, close: () => new Promise<void>((resolve) => { for (const client of server.clients) client.terminate(); server.close(() => resolve()); }) };
}

describe('a child pins its parent\'s key on first contact', () => {
  it('refuses a parent with another key even when it claims a new id, audits it, and keeps running', async () => {
    const port = await freePort();
    const childDir = path.join(root, 'street');
    const firstKeys = loadOrCreateNodeKeys(path.join(root, 'parent-a'));
    const first = fakeParent(port, 'city', firstKeys);
    await startHub('street', ['--data', childDir, '--parent', `ws://127.0.0.1:${port}`, '--node-id', 'hp-street', '--role', 'street', '--node-code', '310101002000']);
    await until('the first parent to be welcomed', () => first.seen.welcomed, (n) => n >= 1);
    // Trust on first use means a first contact completed: wait until the child has pinned the key.
    await until('the child to pin the first parent\'s key', () => pinnedParents(childDir), (keys) => keys.includes(firstKeys.publicKeyText));
    await first.close();
    const impostor = fakeParent(port, 'new-city', loadOrCreateNodeKeys(path.join(root, 'parent-b')));
    await until('the child to refuse the impostor', () => impostor.seen.closes, (codes) => codes.includes(4403), 20_000);
    expect(impostor.seen.welcomed).toBe(0);
    const refusals = auditOf(childDir).filter((row) => row.action === 'parent refused');
    expect(refusals.map((row) => row.detail.reason)).toContain('key differs from the pinned key');
    expect(hubs.at(-1)!.running).toBe(true);
    expect(pinnedParents(childDir)).toEqual([firstKeys.publicKeyText]);
    await impostor.close();
  }, 60_000);
});

describe('wss:// between hubs with the organisation\'s certificate', () => {
  it('links a district to a city over TLS when it trusts the CA, and refuses the link when it does not', async () => {
    const cert = path.join(root, 'cert.pem');
    const key = path.join(root, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert,
      '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const trusting = enrol('huangpu', 'district', '310101000000', path.join(root, 'huangpu'));
    const untrusting = enrol('xuhui', 'district', '310104000000', path.join(root, 'xuhui'));
    fs.writeFileSync(path.join(root, 'children.json'), JSON.stringify([trusting.entry, untrusting.entry]));
    const cityDir = path.join(root, 'city');
    const city = await startHub('city', ['--data', cityDir, '--children', path.join(root, 'children.json'), '--tls-cert', cert, '--tls-key', key, '--seed',
      '--node-id', 'city', '--role', 'city', '--node-code', '310000000000']);
    const parent = `wss://127.0.0.1:${city.port}`;
    const district = await startHub('huangpu', ['--data', trusting.dataDir, '--parent', parent, '--parent-ca', cert, '--node-id', 'huangpu', '--role', 'district', '--node-code', '310101000000']);
    await startHub('xuhui', ['--data', untrusting.dataDir, '--parent', parent, '--node-id', 'xuhui', '--role', 'district', '--node-code', '310104000000']);

    const api = await ApiClient.connect(district.port, TOKEN, 'huangpu');
    await until('the TLS link to come up', () => api.call('sync:status', {}), (status) => status.state === 'online', 20_000);
    await until('the district to bootstrap over wss://', () => api.call('nodes:list', {}), (nodes) => nodes.some((node) => node.code === '310101000000'), 30_000);
    await api.call('incidents:report', { title: 'over TLS', type: 'flood', level: 'III', nodeCode: '310101000000', exercise: true });
    api.close();
    const cityReport = async () => JSON.parse((await runCli(['verify', '--data', cityDir, '--json'])).trim().split('\n').at(-1)!) as VerifyReport;
    await until('the district\'s op to reach the city over wss://', cityReport, (report) => (report.vector.huangpu ?? 0) >= 1, 20_000);

    await until('the untrusting district to audit the certificate', () => auditOf(untrusting.dataDir), (rows) =>
      rows.some((row) => row.action === 'parent refused' && /certificate/i.test(String(row.detail.reason))), 20_000);
    expect((await cityReport()).vector.xuhui).toBeUndefined();
  }, 90_000);

  it('refuses --parent-ca with a plain ws:// parent, in words for the operator', async () => {
    const out = await runCli(['hub', '--data', path.join(root, 'bad'), '--port', '0', '--json', '--parent', 'ws://127.0.0.1:1', '--parent-ca', path.join(root, 'cert.pem')]).catch((error: Error) => error.message);
    expect(out).toContain('--parent-ca checks a wss:// parent');
  });
});
