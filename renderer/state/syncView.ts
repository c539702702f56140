import type { LinkStatus, SyncStatus } from '../../shared/ipc/contract.ts';
import type { MessageKey, MessageParams } from '../i18n/messages.ts';

/** How old a time is, as a message: "12 s ago", "3 min ago", "2 h ago"; null when unknown. */
export function ageMessage(iso: string | null, now: number): { key: MessageKey; params: MessageParams } | null {
  if (!iso) return null;
  const ms = Math.max(0, now - new Date(iso).getTime());
  if (!Number.isFinite(ms)) return null;
  if (ms < 90_000) return { key: 'age.seconds', params: { n: Math.round(ms / 1000) } };
  if (ms < 90 * 60_000) return { key: 'age.minutes', params: { n: Math.round(ms / 60_000) } };
  return { key: 'age.hours', params: { n: Math.round(ms / 3_600_000) } };
}

/** The outbox by priority as message parameters p0…p4. */
export function outboxParams(status: Pick<SyncStatus, 'outboxByPriority'>): MessageParams {
  const [p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0] = status.outboxByPriority;
  return { p0, p1, p2, p3, p4 };
}

/** Ops a peer still has to receive from this node. */
export const behind = (link: LinkStatus) => link.outbox.reduce((a, b) => a + b, 0);

/** A version vector in a line: the origins with the most ops first, the rest counted. */
export function vectorSummary(vector: Record<string, number>, max = 3): string {
  const entries = Object.entries(vector).sort((a, b) => b[1] - a[1]);
  const shown = entries.slice(0, max).map(([origin, seq]) => `${origin}:${seq}`);
  return entries.length > max ? `${shown.join(' ')} +${entries.length - max}` : shown.join(' ') || '—';
}

/** A peer as people know it: its centre's name in the reader's language, else its node id. */
export function centreName(link: Pick<LinkStatus, 'peer' | 'centre'>, locale: string): string {
  if (!link.centre) return link.peer;
  return locale.startsWith('en') ? link.centre.nameEn ?? link.centre.name : link.centre.name;
}
