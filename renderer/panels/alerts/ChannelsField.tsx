import { smsLength, smsText } from '../../../shared/cap/channels.ts';
import { ALERT_CHANNELS, type AlertChannel, type AlertText } from '../../../shared/domain/alert.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/**
 * Where the warning goes out: one chip per channel; with SMS or cell broadcast chosen, each
 * language block's phone text is measured, so a duty officer sees a split message before issuing.
 */
export function ChannelsField({ channels, texts, onChange }: { channels: AlertChannel[]; texts: AlertText[]; onChange(channels: AlertChannel[]): void }) {
  const { t } = useI18n();
  const toggle = (channel: AlertChannel) => onChange(channels.includes(channel)
    ? channels.filter((item) => item !== channel)
    : ALERT_CHANNELS.filter((item) => item === channel || channels.includes(item)));
  const phones = channels.includes('sms') || channels.includes('cellBroadcast');
  return (
    <fieldset className="form-field form-field--group" data-testid="alert-channels">
      <legend className="form-field__label">{t('alertChannels.legend')}</legend>
      <div className="alert-composer__chips">
        {ALERT_CHANNELS.map((channel) => (
          <label key={channel} className={`chip${channels.includes(channel) ? ' chip--on' : ''}`}>
            <input type="checkbox" checked={channels.includes(channel)} data-testid={`alert-channel-${channel}`} onChange={() => toggle(channel)} />
            {t(`alertChannels.channel.${channel}`)}
          </label>
        ))}
      </div>
      {channels.length === 0 && <span className="alert-composer__hint">{t('alertChannels.hint')}</span>}
      {phones && texts.filter((text) => text.headline.trim()).map((text, index) => {
        const length = smsLength(smsText(text));
        return (
          <span key={index} className={`alert-composer__hint${length.messages > 1 ? ' alert-composer__hint--warn' : ''}`} data-testid={`alert-sms-${index}`}>
            {t('alertChannels.sms', { language: text.language || '—', units: length.units, encoding: length.encoding, messages: length.messages })}
            {length.messages > 1 && ` ${t('alertChannels.smsLong')}`}
          </span>
        );
      })}
    </fieldset>
  );
}
