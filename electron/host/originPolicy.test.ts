import { describe, expect, it } from 'vitest';
import { createOriginPolicy, parseAllowedOrigin } from './originPolicy.ts';

describe('origin policy', () => {
  const policy = createOriginPolicy('127.0.0.1', 5170, ['http://hall-pc:5170']);

  it('accepts the loopback names, the configured host and allowed origins, with or without an Origin', () => {
    for (const [host, origin] of [['127.0.0.1:5170', undefined], ['localhost:5170', 'http://localhost:5170'], ['[::1]:5170', 'http://[::1]:5170'],
      ['hall-pc:5170', 'http://hall-pc:5170'], ['127.0.0.1:5170', 'http://127.0.0.1:5170']] as const) {
      expect(policy.allows(host, origin), `${host} ${origin}`).toEqual({ ok: true });
    }
  });

  it('refuses a rebound name, another port and a foreign origin', () => {
    expect(policy.allows('evil.example:5170', 'http://evil.example:5170')).toEqual({ ok: false, reason: 'host' });
    expect(policy.allows('127.0.0.1:5171', undefined)).toEqual({ ok: false, reason: 'host' });
    expect(policy.allows(undefined, undefined)).toEqual({ ok: false, reason: 'host' });
    expect(policy.allows('127.0.0.1:5170', 'http://evil.example')).toEqual({ ok: false, reason: 'origin' });
    expect(policy.allows('127.0.0.1:5170', 'null')).toEqual({ ok: false, reason: 'origin' });
  });

  it('takes only scheme://host[:port] as an allowed origin', () => {
    expect(parseAllowedOrigin('http://Hall-PC:5170')).toBe('http://hall-pc:5170');
    for (const bad of ['hall-pc', 'http://hall-pc:5170/path', 'ftp://hall-pc', 'http://u:p@hall-pc', '*']) expect(() => parseAllowedOrigin(bad), bad).toThrow(/allow-origin/);
  });
});
