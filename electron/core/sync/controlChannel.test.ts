import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ControlChannel } from './controlChannel.ts';

const parentKeys = generateKeyPairSync('ed25519');
const childKeys = generateKeyPairSync('ed25519');
const pair = (session = 'a:b') => ({
  parent: new ControlChannel(parentKeys.privateKey, childKeys.publicKey, session, 'parent'),
  child: new ControlChannel(childKeys.privateKey, parentKeys.publicKey, session, 'child'),
});

describe('signed control messages', () => {
  it('opens what the peer sealed, in order', () => {
    const { parent, child } = pair();
    expect(parent.open(child.seal({ t: 'ack', lane: 2, upTo: 40 }))).toEqual({ message: { t: 'ack', lane: 2, upTo: 40 } });
    expect(parent.open(child.seal({ t: 'ping', id: 7 }))).toEqual({ message: { t: 'ping', id: 7 } });
  });

  it('refuses a replay, a message from another session, one reflected back, and an unsigned one', () => {
    const { parent, child } = pair();
    const sealed = child.seal({ t: 'ack', lane: 0, upTo: 1 });
    expect('message' in parent.open(sealed)).toBe(true);
    expect(parent.open(sealed)).toEqual({ refused: 'control message 1 replayed or out of order (last 1)' });
    expect(pair('c:d').parent.open(pair('a:b').child.seal({ t: 'ping', id: 1 }))).toMatchObject({ refused: expect.stringContaining('signature') });
    const own = pair();
    expect(own.child.open(own.child.seal({ t: 'ping', id: 1 }))).toMatchObject({ refused: expect.stringContaining('signature') });
    expect(parent.open(JSON.stringify({ t: 'ack', lane: 0, upTo: 1e9 }))).toEqual({ refused: 'not a signed control message' });
  });

  it('refuses a signed message that is not a control message, naming the field', () => {
    const { parent, child } = pair();
    expect(parent.open(child.seal({ t: 'ack', lane: 9, upTo: 1 } as never))).toMatchObject({ refused: expect.stringContaining('lane') });
  });
});
