import type { Alert } from '../../shared/domain/alert.ts';
import { translate, type Locale, type MessageKey } from '../i18n/messages.ts';

/** The CAP enumerations an alert's details show in words. */
export type CapField = 'severity' | 'urgency' | 'certainty';

const SEVERITY: Record<Alert['severity'], MessageKey> = {
  Extreme: 'map.severity.Extreme',
  Severe: 'map.severity.Severe',
  Moderate: 'map.severity.Moderate',
  Minor: 'map.severity.Minor',
  Unknown: 'map.severity.Unknown',
};

const URGENCY: Record<Alert['urgency'], MessageKey> = {
  Immediate: 'map.urgency.Immediate',
  Expected: 'map.urgency.Expected',
  Future: 'map.urgency.Future',
  Past: 'map.urgency.Past',
  Unknown: 'map.urgency.Unknown',
};

const CERTAINTY: Record<Alert['certainty'], MessageKey> = {
  Observed: 'map.certainty.Observed',
  Likely: 'map.certainty.Likely',
  Possible: 'map.certainty.Possible',
  Unlikely: 'map.certainty.Unlikely',
  Unknown: 'map.certainty.Unknown',
};

const LABELS: Record<CapField, Readonly<Record<string, MessageKey>>> = { severity: SEVERITY, urgency: URGENCY, certainty: CERTAINTY };

/** A CAP value in the reader's language; a value with no label (a later CAP, a sender's typo) shows as sent. */
export function capLabel(field: CapField, value: string, locale: Locale): string {
  const labels = LABELS[field];
  return Object.hasOwn(labels, value) ? translate(locale, labels[value]!) : value;
}
