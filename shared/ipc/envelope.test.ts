import { describe, expect, it } from 'vitest';
import { parseClientMessage, parseServerMessage } from './envelope.ts';

describe('the browser WebSocket envelope', () => {
  it('reads calls, subscriptions and unsubscriptions, and nothing else', () => {
    expect(parseClientMessage('{"id":1,"method":"app:info","input":{}}')).toEqual({ ok: true, message: { id: 1, method: 'app:info', input: {} } });
    expect(parseClientMessage('{"id":2,"method":"incidents:report","input":{},"requestId":"abcdef0123456789"}')).toMatchObject({ ok: true });
    expect(parseClientMessage('{"subscribe":"store:changed"}')).toEqual({ ok: true, message: { subscribe: 'store:changed' } });
    expect(parseClientMessage('{"unsubscribe":"sync:status"}')).toEqual({ ok: true, message: { unsubscribe: 'sync:status' } });
    for (const bad of ['{not json', '[]', 'null', '"x"', '{"subscribe":"everything"}', '{"id":"1","method":"app:info"}', '{"id":1.5,"method":"app:info"}',
      '{"id":1,"method":"app:info","extra":1}', '{"id":1,"method":"app:info","requestId":"short"}', '{"id":1,"method":"' + 'x'.repeat(100) + '"}',
      '{"subscribe":"store:changed","unsubscribe":"store:changed"}']) {
      expect(parseClientMessage(bad).ok, bad).toBe(false);
    }
  });

  it('reads the host\'s replies and events, and drops anything else', () => {
    expect(parseServerMessage('{"id":1,"reply":{"ok":true,"result":[1]}}')).toEqual({ id: 1, reply: { ok: true, result: [1] } });
    expect(parseServerMessage('{"id":1,"reply":{"ok":false,"error":{"code":"FORBIDDEN","message":"no"}}}')).toMatchObject({ reply: { ok: false } });
    expect(parseServerMessage('{"event":"store:changed","payload":{"entity":"incident","keys":[]}}')).toMatchObject({ event: 'store:changed' });
    for (const bad of ['', '{"id":1}', '{"event":"nope","payload":1}', '{"id":1,"reply":{"ok":"yes"}}']) expect(parseServerMessage(bad), bad).toBeNull();
  });
});
