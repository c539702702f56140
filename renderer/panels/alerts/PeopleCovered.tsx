import type { AlertCoverage } from '../../../shared/ipc/contracts/alerts.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { localMessage } from './composerForm.ts';

const number = (value: number, locale: string) => value.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN');
/** A source written "中文 / English" shows the half in the reader's language. */
const half = (text: string, locale: string) => {
  const parts = text.split(' / ');
  return parts.length === 2 ? parts[locale === 'en' ? 1 : 0]! : text;
};

/** The people an alert's areas cover, district by district, with where the figures come from and how the number was reached. */
export function PeopleCovered({ coverage }: { coverage: AlertCoverage }) {
  const { t, locale } = useI18n();
  const covered = coverage.population;
  const note = localMessage(new Error(coverage.populationNote), locale, coverage.populationNote);
  if (!covered) return <p className="alert-detail__muted" data-testid="alert-population">{note}</p>;
  return (
    <div data-testid="alert-population">
      <p><strong data-testid="alert-people">{t('population.covered', { people: number(covered.people, locale) })}</strong></p>
      <ul className="alert-detail__parts">
        {covered.parts.map((part) => (
          <li key={part.code}>{t(`population.part.${part.method}`, {
            name: locale === 'en' && part.nameEn ? part.nameEn : part.name,
            people: number(part.people, locale), share: Math.round(part.share * 1000) / 10,
          })}</li>
        ))}
      </ul>
      {covered.missing.length > 0 && <p className="alert-detail__muted">{t('population.missing', { districts: covered.missing.join(', ') })}</p>}
      {covered.sources.map((source) => (
        <p key={`${source.source}|${source.asOf}`} className="alert-detail__muted" data-testid="alert-population-source">
          {t('population.source', { source: half(source.source, locale), asOf: source.asOf })}
        </p>
      ))}
      <p className="alert-detail__muted">{note}</p>
    </div>
  );
}
