import { useI18n } from '../i18n/useI18n.ts';

/** One button that switches between Chinese and English; it names the language it switches to. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  const next = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className="language-switch"
      lang={next}
      title={t('language.switchTitle')}
      data-testid="language-switch"
      onClick={() => setLocale(next)}
    >
      {t('language.switch')}
    </button>
  );
}
