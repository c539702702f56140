import { useEffect, useState } from 'react';
import type { LinkStatus, VerifyReport } from '../../shared/ipc/contract.ts';
import { formatTime } from '../i18n/display.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { behind, centreName, vectorSummary } from '../state/syncView.ts';
import { useConsole } from '../state/useConsole.ts';
import { useSyncStatus } from '../state/useSyncStatus.ts';

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(0)}%`);
const rate = (bps: number | null) => (bps === null ? '—' : bps > 1_000_000 ? `${(bps / 1_000_000).toFixed(1)} MB/s` : `${(bps / 1000).toFixed(1)} kB/s`);

/** The Sync view: every peer with its state, channel, measured link, vector and how far behind it is. */
export function SyncPanel() {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const status = useSyncStatus();
  const [peers, setPeers] = useState<LinkStatus[]>([]);
  const [verified, setVerified] = useState<VerifyReport | null>(null);
  useEffect(() => {
    let disposed = false;
    const load = () => api.sync.peers({}).then((next) => { if (!disposed) setPeers(next); }, () => undefined);
    load();
    // Vectors and link measurements change without store events: refresh every few seconds while open.
    const timer = setInterval(load, 3000);
    return () => { disposed = true; clearInterval(timer); };
  }, [api, status]);

  const parent = (status?.links ?? []).find((link) => link.relation === 'parent' && link.centre);

  return (
    <section className="panel sync-panel" aria-labelledby="sync-title">
      <header className="panel__header">
        <h2 id="sync-title">{t('sync.title')}</h2>
        <button type="button" className="button" data-testid="sync-verify" onClick={() => { void api.sync.verify({}).then(setVerified); }}>{t('sync.verify')}</button>
        {verified && <span className="sync-panel__verified" data-testid="sync-verified">{t('sync.verified', { checksum: verified.checksum.slice(0, 12), ops: verified.opCount })}</span>}
      </header>
      {parent ? <p className="sync-panel__parent" data-testid="sync-parent">{t('sync.parentCentre', { name: centreName(parent, locale), code: parent.nodeCode || '—' })}</p>
        : status?.parent ? <p className="sync-panel__parent" data-testid="sync-parent">{t('sync.parentUnknown', { address: status.parent })}</p> : null}
      {status && status.quarantined > 0 && <p className="sync-panel__warn" data-testid="sync-quarantine">{t('sync.quarantine', { count: status.quarantined })}</p>}
      {peers.length === 0 ? <p className="panel__empty" data-testid="sync-empty">{t('sync.empty')}</p> : (
        <table className="data-table" data-testid="sync-peers">
          <thead>
            <tr>
              {(['peer', 'relation', 'code', 'state', 'channel', 'rtt', 'loss', 'throughput', 'behind', 'vector', 'lastSeen'] as const).map((col) => <th key={col} scope="col">{t(`sync.col.${col}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {peers.map((peer) => (
              <tr key={peer.peer} data-testid="sync-peer" data-peer={peer.peer} data-state={peer.state}>
                <td title={peer.peer}>{centreName(peer, locale)}</td>
                <td>{t(`sync.relation.${peer.relation}`)}</td>
                <td className="mono">{peer.nodeCode}</td>
                <td><span className={`status-pill status-pill--${peer.state}`}>{t(`sync.state.${peer.state}`)}</span></td>
                <td>{t(`channel.${peer.channel}`)}</td>
                <td className="num">{peer.rttMs === null ? '—' : `${peer.rttMs} ms`}</td>
                <td className="num">{percent(peer.loss)}</td>
                <td className="num">{rate(peer.throughputBps)}</td>
                <td className="num" data-testid="sync-behind">{behind(peer).toLocaleString(locale)}</td>
                <td className="mono" title={JSON.stringify(peer.vector)}>{vectorSummary(peer.vector)}</td>
                <td>{formatTime(peer.lastSeenAt, locale, 'short')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('sync.alarms')}</h3>
      {status && status.alarms.length > 0 ? (
        <ul className="sync-panel__alarms" data-testid="sync-alarm-list">
          {status.alarms.map((alarm) => (
            <li key={`${alarm.kind}-${alarm.peer}`}><strong>{t(`sync.alarm.${alarm.kind}`)}</strong> · {alarm.peer} · {alarm.message} · {formatTime(alarm.at, locale, 'short')}</li>
          ))}
        </ul>
      ) : <p className="panel__empty">{t('sync.noAlarms')}</p>}
    </section>
  );
}
