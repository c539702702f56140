import type { LinkState, SyncStatus } from '../../shared/ipc/contract.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { TransportState } from './consoleContext.ts';

export type LinkTone = 'ok' | 'neutral' | 'warn' | 'alarm';

export interface LinkView {
  /** For tests and styling: the link state, or 'disconnected'/'connecting' for the transport. */
  state: LinkState | 'disconnected' | 'connecting';
  tone: LinkTone;
  label: MessageKey;
}

const LINK: Record<LinkState, { tone: LinkTone; label: MessageKey }> = {
  standalone: { tone: 'neutral', label: 'link.standalone' },
  online: { tone: 'ok', label: 'link.online' },
  degraded: { tone: 'warn', label: 'link.degraded' },
  offline: { tone: 'alarm', label: 'link.offline' },
};

/**
 * What the connection banner says. A dropped transport outranks the sync state: if this
 * screen cannot reach its own console service, everything else it shows may be stale.
 */
export function linkView(transport: TransportState, status: SyncStatus | undefined): LinkView {
  if (transport === 'closed') return { state: 'disconnected', tone: 'alarm', label: 'link.transportClosed' };
  if (transport === 'connecting' || !status) return { state: 'connecting', tone: 'warn', label: 'link.connecting' };
  return { state: status.state, ...LINK[status.state] };
}
