import { createContext } from 'react';
import { DEFAULT_LOCALE, translate, type Locale, type MessageKey, type MessageParams } from './messages.ts';

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: MessageParams): string;
}

/** Falls back to Chinese so a component rendered outside the provider still reads sensibly. */
export const I18nContext = createContext<I18n>({
  locale: DEFAULT_LOCALE,
  setLocale: () => {},
  t: (key, params) => translate(DEFAULT_LOCALE, key, params),
});
