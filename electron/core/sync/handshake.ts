import { randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { NodeRole } from '../../../shared/ipc/contract.ts';
import { PeerMessage } from '../../../shared/sync/wire.ts';
import { ControlChannel } from './controlChannel.ts';
import { parsePublicKey, type NodeKeys } from './nodeKeys.ts';
import type { PeerIdentity } from './syncLink.ts';

/** Close codes: the peer is not known or failed to prove who it is; the hello was malformed. */
export const CLOSE_UNKNOWN_PEER = 4403;
export const CLOSE_BAD_HELLO = 4400;
export const HANDSHAKE_MS = 10_000;

/**
 * What each side signs in the handshake: the other side's nonce, both ids and the cursors it
 * sends, so neither the identity nor the resume point can be altered in transit.
 */
export const proofText = (nonce: string, signer: string, other: string, received: readonly number[]) =>
  `resilience-console sync v2\n${nonce}\n${signer}\n${other}\n${received.join(',')}`;

/** The session both ends derive from the handshake: the parent's nonce, then the child's. */
const sessionOf = (parentNonce: string, childNonce: string) => `${parentNonce}:${childNonce}`;

export interface Admitted {
  peer: PeerIdentity;
  peerKeyText: string;
  /** The peer's durable cursors for our ops, from its hello or welcome. */
  received: number[];
  control: ControlChannel;
}

/**
 * Every message a socket receives, in order, from the moment it opens: the handshake reads them
 * one at a time, then hands the rest (including any that arrived in the same packet as the last
 * handshake message) to the link, so none is lost between the two.
 */
export class Inbox {
  private readonly queue: { data: Buffer; isBinary: boolean }[] = [];
  private waiter: ((message: { data: Buffer; isBinary: boolean } | null) => void) | null = null;
  private handler: ((data: Buffer, isBinary: boolean) => void) | null = null;

  constructor(ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      const message = { data: data as Buffer, isBinary };
      if (this.handler) this.handler(message.data, isBinary);
      else if (this.waiter) { const waiter = this.waiter; this.waiter = null; waiter(message); }
      else this.queue.push(message);
    });
    ws.on('close', () => { const waiter = this.waiter; this.waiter = null; waiter?.(null); });
  }

  /** The next message, or null if the socket closed or nothing came in time. */
  next(timeoutMs: number): Promise<{ data: Buffer; isBinary: boolean } | null> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.waiter = null; resolve(null); }, timeoutMs);
      this.waiter = (message) => { clearTimeout(timer); resolve(message); };
    });
  }

  handOff(handler: (data: Buffer, isBinary: boolean) => void): void {
    this.handler = handler;
    for (const message of this.queue.splice(0)) handler(message.data, message.isBinary);
  }
}

/** The handshake message of type `t`, checked against the one union of peer messages, or null. */
function expect<T extends PeerMessage['t']>(message: { data: Buffer; isBinary: boolean } | null, t: T): Extract<PeerMessage, { t: T }> | null {
  if (!message || message.isBinary) return null;
  let value: unknown;
  try {
    value = JSON.parse(message.data.toString('utf8'));
  } catch {
    return null;
  }
  const parsed = PeerMessage.safeParse(value);
  return parsed.success && parsed.data.t === t ? parsed.data as Extract<PeerMessage, { t: T }> : null;
}

const checkSignature = (text: string, key: KeyObject, signature: string) => verify(null, Buffer.from(text), key, Buffer.from(signature, 'base64'));

export interface Self {
  identity: { nodeId: string; nodeCode: string; role: NodeRole };
  keys: NodeKeys;
}

/** Parent side: challenge, check the child's hello against its enrolment, welcome. Null when refused (refuse() was called). */
export async function admitChild(ws: WebSocket, inbox: Inbox, self: Self, options: {
  enrolled(nodeId: string): { publicKey: string; nodeCode: string; role: NodeRole; key: KeyObject } | undefined;
  cursors(nodeId: string): Promise<number[]>;
  refuse(code: number, reason: string, detail: Record<string, unknown>): void;
}): Promise<(Admitted & { clock: number }) | null> {
  const nonce = randomBytes(16).toString('hex');
  const { identity, keys } = self;
  ws.send(JSON.stringify({ t: 'challenge', nodeId: identity.nodeId, nodeCode: identity.nodeCode, role: identity.role, publicKey: keys.publicKeyText, nonce }));
  const first = await inbox.next(HANDSHAKE_MS);
  if (!first) { options.refuse(CLOSE_BAD_HELLO, 'no hello within 10 s', {}); return null; }
  const hello = expect(first, 'hello');
  if (!hello) { options.refuse(CLOSE_BAD_HELLO, 'malformed hello', {}); return null; }
  const child = options.enrolled(hello.nodeId);
  if (!child) { options.refuse(CLOSE_UNKNOWN_PEER, 'unknown node', { nodeId: hello.nodeId }); return null; }
  if (child.publicKey !== hello.publicKey || child.nodeCode !== hello.nodeCode || child.role !== hello.role) {
    options.refuse(CLOSE_UNKNOWN_PEER, 'node does not match its enrolment', { nodeId: hello.nodeId }); return null;
  }
  if (!checkSignature(proofText(nonce, hello.nodeId, identity.nodeId, hello.received), child.key, hello.signature)) {
    options.refuse(CLOSE_UNKNOWN_PEER, 'identity proof failed', { nodeId: hello.nodeId }); return null;
  }
  const received = await options.cursors(hello.nodeId);
  if (ws.readyState !== ws.OPEN) return null;
  ws.send(JSON.stringify({ t: 'welcome', signature: sign(null, Buffer.from(proofText(hello.nonce, identity.nodeId, hello.nodeId, received)), keys.privateKey).toString('base64'), received }));
  return {
    peer: { nodeId: hello.nodeId, nodeCode: child.nodeCode, role: child.role as PeerIdentity['role'], publicKey: child.key },
    peerKeyText: child.publicKey,
    received: hello.received,
    control: new ControlChannel(keys.privateKey, child.key, sessionOf(nonce, hello.nonce), 'parent'),
    clock: hello.clock,
  };
}

/** Child side: answer the parent's challenge once its key is pinned, check its welcome. Null when refused (refuse() was called). */
export async function greetParent(ws: WebSocket, inbox: Inbox, self: Self, options: {
  /** The key to trust for this parent (the offered one once pinned), or null to refuse it. */
  pinnedKey(parentId: string, offered: string): Promise<string | null>;
  cursors(parentId: string): Promise<number[]>;
  clock(): number;
  refuse(code: number, reason: string, detail: Record<string, unknown>): void;
}): Promise<Admitted | null> {
  const parent = expect(await inbox.next(HANDSHAKE_MS), 'challenge');
  if (!parent) { options.refuse(CLOSE_BAD_HELLO, 'expected a challenge', {}); return null; }
  const keyText = await options.pinnedKey(parent.nodeId, parent.publicKey);
  if (!keyText) { options.refuse(CLOSE_UNKNOWN_PEER, 'parent key does not match', { nodeId: parent.nodeId }); return null; }
  const parentKey = parsePublicKey(keyText);
  const { identity, keys } = self;
  const myNonce = randomBytes(16).toString('hex');
  const received = await options.cursors(parent.nodeId);
  if (ws.readyState !== ws.OPEN) return null;
  ws.send(JSON.stringify({
    t: 'hello', nodeId: identity.nodeId, nodeCode: identity.nodeCode, role: identity.role, publicKey: keys.publicKeyText, nonce: myNonce,
    signature: sign(null, Buffer.from(proofText(parent.nonce, identity.nodeId, parent.nodeId, received)), keys.privateKey).toString('base64'),
    received, clock: Math.round(options.clock()),
  }));
  const welcome = expect(await inbox.next(HANDSHAKE_MS), 'welcome');
  if (!welcome || !checkSignature(proofText(myNonce, parent.nodeId, identity.nodeId, welcome.received), parentKey, welcome.signature)) {
    options.refuse(CLOSE_UNKNOWN_PEER, 'parent failed to prove its identity', { nodeId: parent.nodeId, reason: welcome ? 'bad signature' : 'malformed welcome' });
    return null;
  }
  return {
    peer: { nodeId: parent.nodeId, nodeCode: parent.nodeCode, role: parent.role, publicKey: parentKey },
    peerKeyText: keyText,
    received: welcome.received,
    control: new ControlChannel(keys.privateKey, parentKey, sessionOf(parent.nonce, myNonce), 'child'),
  };
}
