import { randomBytes, sign } from 'node:crypto';
import WebSocket from 'ws';
import type { Op } from '../../shared/sync/op.ts';
import { perPriority, type ControlMessage } from '../../shared/sync/wire.ts';
import { encodeBatch, toWire } from '../../electron/core/sync/codec.ts';
import { ControlChannel } from '../../electron/core/sync/controlChannel.ts';
import { proofText } from '../../electron/core/sync/handshake.ts';
import { loadOrCreateNodeKeys, parsePublicKey, type NodeKeys } from '../../electron/core/sync/nodeKeys.ts';

/**
 * A hand-driven child on a hub's /sync endpoint, for tests that play a hostile or broken peer:
 * it answers the challenge with a real key (enrolled or not), then sends whatever frames the test
 * chooses, signed as that node, and collects the hub's control messages.
 */
export class SyncPeer {
  readonly messages: ControlMessage[] = [];
  closeCode: number | null = null;
  private control: ControlChannel | null = null;
  private readonly closed: Promise<number>;

  private constructor(readonly ws: WebSocket, readonly keys: NodeKeys) {
    this.closed = new Promise((resolve) => ws.on('close', (code) => { this.closeCode = code; resolve(code); }));
    ws.on('error', () => undefined);
  }

  /**
   * Connects as `nodeId` (its key from `keyDir`) and completes the handshake. Resolves once
   * welcomed, or with `welcomed: false` and the close code when the hub refuses.
   */
  static async connect(url: string, who: { nodeId: string; nodeCode: string; role: 'district' | 'street'; keyDir: string }, options: WebSocket.ClientOptions = {}): Promise<{ peer: SyncPeer; welcomed: boolean }> {
    const keys = loadOrCreateNodeKeys(who.keyDir);
    const ws = new WebSocket(`${url}/sync`, options);
    const peer = new SyncPeer(ws, keys);
    const nonce = randomBytes(16).toString('hex');
    const welcomed = await new Promise<boolean>((resolve) => {
      ws.once('close', () => resolve(false));
      ws.once('message', (data) => {
        const challenge = JSON.parse(String(data)) as { nonce: string; nodeId: string; publicKey: string };
        const received = perPriority(0);
        ws.send(JSON.stringify({
          t: 'hello', nodeId: who.nodeId, nodeCode: who.nodeCode, role: who.role, publicKey: keys.publicKeyText, nonce,
          signature: sign(null, Buffer.from(proofText(challenge.nonce, who.nodeId, challenge.nodeId, received)), keys.privateKey).toString('base64'),
          received, clock: Date.now(),
        }));
        ws.once('message', (reply) => {
          if ((JSON.parse(String(reply)) as { t: string }).t !== 'welcome') return;
          peer.control = new ControlChannel(keys.privateKey, parsePublicKey(challenge.publicKey), `${challenge.nonce}:${nonce}`, 'child');
          ws.on('message', (message, isBinary) => {
            if (isBinary) return;
            const opened = peer.control!.open(String(message));
            if ('message' in opened) peer.messages.push(opened.message);
          });
          resolve(true);
        });
      });
    });
    return { peer, welcomed };
  }

  /** Sends ops as one signed batch frame on `lane`, claiming the hub is brought to `upTo`. */
  async sendOps(ops: Op[], lane = 1, upTo = ops.length, key = this.keys.privateKey): Promise<void> {
    this.ws.send(await encodeBatch(lane, upTo, JSON.stringify(ops.map(toWire)), key));
  }

  /** Sends a properly signed control message (as this peer's next in sequence). */
  sendControl(message: ControlMessage): void {
    this.ws.send(this.seal(message));
  }

  /** A properly signed control message, not sent (to replay it, for instance). */
  seal(message: ControlMessage): string {
    return this.control!.seal(message);
  }

  /** The hub's ack for `lane` up to `upTo`, or null if none comes in time. */
  async ack(lane: number, upTo: number, timeoutMs = 10_000): Promise<ControlMessage | null> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.messages.find((m) => m.t === 'ack' && m.lane === lane && m.upTo >= upTo);
      if (found) return found;
      if (this.closeCode !== null) return null;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return null;
  }

  /** Waits until the hub answers anything (an ack, a ping) or closes the socket, or `timeoutMs` passes. */
  async settle(timeoutMs = 500): Promise<void> {
    const seen = this.messages.length;
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length === seen && this.closeCode === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  whenClosed(): Promise<number> {
    return this.closed;
  }

  close(): void {
    this.ws.terminate();
  }
}
