import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/ipc/contract.ts';
import { linkView } from './linkView.ts';

const status = (state: SyncStatus['state']): SyncStatus => ({
  state, outbox: 0, lastSyncAt: null, parent: null, outboxByPriority: [0, 0, 0, 0, 0], newestFromParentAt: null, links: [], quarantined: 0, alarms: [],
});

describe('linkView', () => {
  it('shows the sync link state while the transport is open', () => {
    expect(linkView('open', status('standalone'))).toEqual({ state: 'standalone', tone: 'neutral', label: 'link.standalone' });
    expect(linkView('open', status('online')).tone).toBe('ok');
    expect(linkView('open', status('degraded')).tone).toBe('warn');
    expect(linkView('open', status('offline'))).toEqual({ state: 'offline', tone: 'alarm', label: 'link.offline' });
  });

  it('shows OFFLINE and reconnecting in red when the transport is closed, whatever the last sync state', () => {
    expect(linkView('closed', status('online'))).toEqual({ state: 'disconnected', tone: 'alarm', label: 'link.transportClosed' });
    expect(linkView('closed', undefined).state).toBe('disconnected');
  });

  it('says connecting until the first status arrives', () => {
    expect(linkView('connecting', status('online')).state).toBe('connecting');
    expect(linkView('open', undefined).state).toBe('connecting');
  });
});
