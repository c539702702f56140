import { useContext } from 'react';
import { I18nContext, type I18n } from './i18nContext.ts';

/** The current language, its translator `t(key, params)`, and `setLocale`. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
