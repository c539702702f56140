import { sign, verify, type KeyObject } from 'node:crypto';
import { ControlMessage, SealedControl } from '../../../shared/sync/wire.ts';

/**
 * Control messages (acks, vectors, positions, verify) on an authenticated link, each signed with
 * the sender's node key over the session, the direction and a counter (issue 10, finding 5).
 * The session is the pair of nonces both sides chose in the handshake, so a message recorded on
 * one connection is refused on any other, and the counter refuses a replay or reordering within
 * one. Someone who can write into the TCP stream can still cut it, but cannot speak for a peer.
 */
export class ControlChannel {
  private sent = 0;
  private received = 0;

  constructor(
    private readonly privateKey: KeyObject,
    private readonly peerKey: KeyObject,
    /** Both handshake nonces, parent's first. */
    private readonly session: string,
    /** Which end we are: what we send is labelled with it, what we receive with the other. */
    private readonly side: 'parent' | 'child',
  ) {}

  seal(message: ControlMessage): string {
    this.sent += 1;
    const text = JSON.stringify(message);
    const signature = sign(null, this.signed(this.side, this.sent, text), this.privateKey).toString('base64');
    return JSON.stringify({ n: this.sent, m: text, s: signature });
  }

  /** The message, or why it was refused (nothing is acted on unless it opens). */
  open(frame: string): { message: ControlMessage } | { refused: string } {
    let envelope: unknown;
    try {
      envelope = JSON.parse(frame);
    } catch {
      return { refused: 'not JSON' };
    }
    const sealed = SealedControl.safeParse(envelope);
    if (!sealed.success) return { refused: 'not a signed control message' };
    const { n, m, s } = sealed.data;
    const from = this.side === 'parent' ? 'child' : 'parent';
    if (!verify(null, this.signed(from, n, m), this.peerKey, Buffer.from(s, 'base64'))) return { refused: 'control message signature does not match the peer\'s key' };
    if (n <= this.received) return { refused: `control message ${n} replayed or out of order (last ${this.received})` };
    this.received = n;
    let body: unknown;
    try {
      body = JSON.parse(m);
    } catch {
      return { refused: 'control message is not JSON' };
    }
    const message = ControlMessage.safeParse(body);
    if (!message.success) {
      const issue = message.error.issues[0];
      return { refused: `malformed control message: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown'}`.slice(0, 300) };
    }
    return { message: message.data };
  }

  private signed(from: 'parent' | 'child', n: number, text: string): Buffer {
    return Buffer.from(`resilience-console control v2\n${this.session}\nfrom ${from}\n${n}\n${text}`);
  }
}
