import { useI18n } from '../i18n/useI18n.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** Shown instead of the console when the service refuses this page's access token. */
export function AccessError() {
  const { t } = useI18n();
  return (
    <main className="access-error" role="alert" data-testid="access-error">
      <div className="access-error__card">
        <h1 className="access-error__product">{t('app.name')}</h1>
        <h2 className="access-error__title">{t('error.accessTitle')}</h2>
        <p className="access-error__body">{t('error.accessBody')}</p>
        <LanguageSwitch />
      </div>
    </main>
  );
}
