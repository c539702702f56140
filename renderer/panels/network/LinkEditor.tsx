import { useState } from 'react';
import { LinkChannel, type NetworkChannel } from '../../../shared/domain/network.ts';
import type { NetworkNodeRow } from '../../../shared/network/view.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { localHalf } from './useNetwork.ts';

/** The administrator's edit of one uplink: its primary and backup channels. */
export function LinkEditor({ row }: { row: NetworkNodeRow }) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const [primary, setPrimary] = useState<NetworkChannel>(row.primaryChannel);
  const [backup, setBackup] = useState<NetworkChannel | 'none'>(row.backupChannel ?? 'none');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const save = () => {
    setOutcome(null);
    api.network.editLink({ code: row.code, primaryChannel: primary, backupChannel: backup === 'none' ? null : backup }).then(
      () => setOutcome({ ok: true, text: t('network.edit.saved') }),
      (error: Error) => setOutcome({ ok: false, text: localHalf(error.message, locale) }),
    );
  };
  return (
    <div className="network-edit" data-testid="network-edit">
      <label>{t('network.edit.primary')}
        <select className="input" value={primary} onChange={(event) => setPrimary(event.target.value as NetworkChannel)} data-testid="network-edit-primary">
          {LinkChannel.options.map((channel) => <option key={channel} value={channel}>{t(`network.channel.${channel}`)}</option>)}
        </select>
      </label>
      <label>{t('network.edit.backup')}
        <select className="input" value={backup} onChange={(event) => setBackup(event.target.value as NetworkChannel | 'none')} data-testid="network-edit-backup">
          <option value="none">{t('network.channel.none')}</option>
          {LinkChannel.options.map((channel) => <option key={channel} value={channel}>{t(`network.channel.${channel}`)}</option>)}
        </select>
      </label>
      <button type="button" className="button" onClick={save} data-testid="network-edit-save">{t('network.edit.save')}</button>
      {outcome && <span role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'network-import__done' : 'network-import__error'} data-testid="network-edit-outcome">{outcome.text}</span>}
    </div>
  );
}
