import { useState } from 'react';
import type { z } from 'zod';
import { UplinkChannel as Channel } from '../../../shared/ipc/contracts/network.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { useSyncStatus } from '../../state/useSyncStatus.ts';
import { localHalf } from './useNetwork.ts';

/**
 * The channel this node's uplink runs on, switched without a restart when the fibre is cut (to
 * Beidou: only P0 crosses) and back. Shown only on a node with a parent.
 */
export function UplinkChannel() {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const status = useSyncStatus();
  const current = status?.links.find((link) => link.relation === 'parent')?.channel;
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  if (!status?.parent) return null;
  const change = async (channel: z.infer<typeof Channel>) => {
    if (channel === current) return;
    try {
      await api.network.setChannel({ channel });
      setOutcome({ ok: true, text: t('network.uplink.switched', { channel: t(`network.uplink.${channel}`) }) });
    } catch (error) {
      setOutcome({ ok: false, text: localHalf((error as Error).message, locale) });
    }
  };
  return (
    <label className="network-uplink" data-testid="network-uplink">
      <span>{t('network.uplink')}</span>
      <select className="input" value={current ?? 'fibre'} data-testid="network-uplink-channel"
        onChange={(event) => void change(Channel.parse(event.target.value))}>
        {Channel.options.map((channel) => <option key={channel} value={channel}>{t(`network.uplink.${channel}`)}</option>)}
      </select>
      {outcome && <span role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'network-import__done' : 'network-import__error'} data-testid="network-uplink-outcome">{outcome.text}</span>}
    </label>
  );
}
