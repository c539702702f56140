import { ALERT_CHANNELS, type AlertChannel } from '../domain/alert.ts';

/** The CAP info/parameter valueName that names a release channel, one parameter per channel. */
export const CHANNEL_PARAMETER = 'channel';

/** Channels named by an info block's parameters, in the console's order; unknown values are left to the parameters. */
export function channelsOf(parameters: readonly { valueName: string; value: string }[]): AlertChannel[] {
  const named = new Set(parameters.filter((parameter) => parameter.valueName === CHANNEL_PARAMETER).map((parameter) => parameter.value.trim()));
  return ALERT_CHANNELS.filter((channel) => named.has(channel));
}

/** GSM 03.38's basic alphabet (one septet each) and its extension table (two septets each). */
const GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENSION = '^{}\\[~]|€\f';

/** How a text goes out by SMS: its length in the encoding a phone network would use and the messages it takes. */
export interface SmsLength { encoding: 'GSM-7' | 'UCS-2'; units: number; messages: number }

/**
 * The SMS cost of a text: GSM-7 when every character is in the GSM alphabet (160 a message,
 * 153 when split), otherwise UCS-2, which any Chinese character forces (70, or 67 when split;
 * a character outside the BMP takes two units).
 */
export function smsLength(text: string): SmsLength {
  let septets = 0;
  let gsm = true;
  for (const char of text) {
    if (GSM_BASIC.includes(char)) septets += 1;
    else if (GSM_EXTENSION.includes(char)) septets += 2;
    else { gsm = false; break; }
  }
  if (gsm) return { encoding: 'GSM-7', units: septets, messages: septets <= 160 ? (septets === 0 ? 0 : 1) : Math.ceil(septets / 153) };
  const units = text.length; // UTF-16 code units: what UCS-2/UTF-16 SMS counts
  return { encoding: 'UCS-2', units, messages: units <= 70 ? 1 : Math.ceil(units / 67) };
}

/** What a phone shows for one language block: the headline, then what to do. */
export function smsText(text: { headline: string; instruction?: string | undefined }): string {
  const headline = text.headline.trim();
  const instruction = text.instruction?.trim();
  if (!instruction) return headline;
  const cjk = /[\u3400-\u9fff]/.test(headline);
  return `${headline}${cjk ? '。' : '. '}${instruction}`;
}
