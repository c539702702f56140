import { useState } from 'react';
import type { NetworkEvent } from '../../../shared/domain/network.ts';
import type { NetworkAlarm } from '../../../shared/network/alarms.ts';
import { formatTime } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';

const HISTORY_SHOWN = 12;

/** Open network alarms, each acknowledged from any console of the hall, then the recent history. */
export function NetworkAlarms({ alarms, switches, names, onSelect }: { alarms: NetworkAlarm[]; switches: NetworkEvent[]; names: ReadonlyMap<string, string>; onSelect(code: string): void }) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const [busy, setBusy] = useState<string | null>(null);
  const open = alarms.filter((alarm) => alarm.open);
  const history = alarms.filter((alarm) => !alarm.open).slice(0, HISTORY_SHOWN);
  const acknowledge = (alarmId: string) => {
    setBusy(alarmId);
    void api.network.acknowledge({ alarmId }).finally(() => setBusy(null));
  };
  const line = (alarm: NetworkAlarm) => (
    <li key={alarm.alarmId} className={`network-alarm network-alarm--${alarm.open ? alarm.severity : 'cleared'}${alarm.acknowledged ? ' network-alarm--acknowledged' : ''}`}
      data-testid="network-alarm" data-code={alarm.code} data-open={alarm.open}>
      <button type="button" className="network-alarm__name" onClick={() => onSelect(alarm.code)}>
        {t(alarm.severity === 'down' ? 'network.alarm.down' : 'network.alarm.degraded', { name: names.get(alarm.code) ?? alarm.code })}
      </button>
      <span className="network-alarm__when">{t('network.alarm.raised', { time: formatTime(alarm.raisedAt, locale, 'short') })}</span>
      {alarm.clearedAt ? <span className="network-alarm__when">{t('network.alarm.cleared', { time: formatTime(alarm.clearedAt, locale, 'short') })}</span> : <strong className="network-alarm__open">{t('network.alarm.open')}</strong>}
      {alarm.acknowledged
        ? <span className="network-alarm__ack">✓ {t('network.alarm.acknowledged', { by: alarm.acknowledged.by, time: formatTime(alarm.acknowledged.at, locale, 'short') })}</span>
        : <button type="button" className="button network-alarm__button" disabled={busy === alarm.alarmId} onClick={() => acknowledge(alarm.alarmId)} data-testid="network-acknowledge">{t('network.alarm.acknowledge')}</button>}
    </li>
  );
  return (
    <section className="network-alarms" aria-labelledby="network-alarms-title" data-testid="network-alarms">
      <h3 id="network-alarms-title">{t('network.alarms')}{open.length > 0 && <span className="network-alarms__count"> {open.length}</span>}</h3>
      {open.length === 0 ? <p className="panel__empty">{t('network.alarms.none')}</p> : <ul className="network-alarms__list">{open.map(line)}</ul>}
      {switches.length > 0 && (
        <ul className="network-alarms__list" data-testid="network-switches">
          {switches.slice(0, HISTORY_SHOWN).map((event) => (
            <li key={event.id} className="network-alarm network-alarm--switch" data-testid="network-switch" data-code={event.code}>
              <button type="button" className="network-alarm__name" onClick={() => onSelect(event.code)}>
                {t('network.switch', { name: names.get(event.code) ?? event.code, channel: event.channel ? t(`network.channel.${event.channel}`) : '—', previous: event.previousChannel ? t(`network.channel.${event.previousChannel}`) : '—' })}
              </button>
              <span className="network-alarm__when">{formatTime(event.at, locale, 'short')}</span>
            </li>
          ))}
        </ul>
      )}
      {history.length > 0 && (
        <details className="network-alarms__history">
          <summary>{t('network.alarms.history')} ({history.length})</summary>
          <ul className="network-alarms__list">{history.map(line)}</ul>
        </details>
      )}
    </section>
  );
}
