import { describe, expect, it } from 'vitest';
import { RefusalAudit } from './refusalAudit.ts';

describe('refusal audit', () => {
  it('writes the first refusal per source and reason, then one count line when the minute ends', () => {
    let clock = 0;
    const lines: string[] = [];
    const audit = new RefusalAudit((actor, action, detail) => { lines.push(`${actor} ${action} ${JSON.stringify(detail)}`); }, { now: () => clock });
    for (let i = 0; i < 500; i++) audit.refuse('10.0.0.9', `ws 10.0.0.9:${40000 + i}`, 'connection refused', { reason: 'token' });
    audit.refuse('10.0.0.9', 'ws 10.0.0.9:1', 'connection refused', { reason: 'origin', origin: 'http://evil.example' });
    audit.refuse('10.0.0.7', 'ws 10.0.0.7:1', 'connection refused', { reason: 'token' });
    expect(lines).toEqual([
      'ws 10.0.0.9:40000 connection refused {"reason":"token"}',
      'ws 10.0.0.9:1 connection refused {"reason":"origin","origin":"http://evil.example"}',
      'ws 10.0.0.7:1 connection refused {"reason":"token"}',
    ]);
    clock = 30_000;
    audit.flush(false);
    expect(lines).toHaveLength(3);
    clock = 61_000;
    audit.flush(false);
    expect(lines.slice(3)).toEqual(['ws 10.0.0.9:40000 connection refused (repeated) {"reason":"token","count":499,"seconds":61}']);
    audit.refuse('10.0.0.9', 'ws 10.0.0.9:2', 'connection refused', { reason: 'token' });
    expect(lines).toHaveLength(5);
    audit.close();
  });

  it('counts refusals past its source limit in one line instead of growing without bound', () => {
    const lines: string[] = [];
    const audit = new RefusalAudit((_actor, action, detail) => { lines.push(`${action} ${JSON.stringify(detail)}`); }, { maxSources: 10 });
    for (let i = 0; i < 1000; i++) audit.refuse(`10.0.${i >> 8}.${i & 255}`, 'ws', 'connection refused', { reason: 'token' });
    expect(lines).toHaveLength(10);
    audit.close();
    expect(lines.at(-1)).toBe('refusals from too many sources {"count":990,"seconds":60}');
  });
});
