import { useMemo, useState } from 'react';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import { primaryName } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** Streets and towns affected besides the place itself: those of the place's district, narrowed by a filter. */
export function AffectedField({ nodes, placeCode, value, onChange }: { nodes: readonly CommandNode[]; placeCode: string; value: string[]; onChange(codes: string[]): void }) {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState('');
  const district = placeCode.slice(0, 6);
  const streets = useMemo(() => nodes.filter((node) => node.level === 'street' && node.code.startsWith(district) && node.code !== placeCode), [nodes, district, placeCode]);
  const needle = filter.trim().toLowerCase();
  const shown = streets.filter((node) => !needle || value.includes(node.code) || node.name.includes(filter.trim()) || (node.nameEn ?? '').toLowerCase().includes(needle) || node.code.includes(needle));
  return (
    <fieldset className="form-field form-field--group">
      <legend className="form-field__label">{t('report.field.affected')}</legend>
      <input type="search" className="input" value={filter} placeholder={t('report.field.affectedFilter')} aria-label={t('report.field.affectedFilter')}
        onChange={(event) => setFilter(event.target.value)} />
      <select multiple className="input consult-multi" value={value} aria-label={t('report.field.affected')} data-testid="report-affected"
        onChange={(event) => onChange([...event.target.selectedOptions].map((option) => option.value))}>
        {shown.map((node) => <option key={node.code} value={node.code}>{primaryName(node, locale)} · {node.code}</option>)}
      </select>
      <span className="consult-muted" data-testid="report-affected-count">
        {value.length ? value.map((code) => { const node = nodes.find((candidate) => candidate.code === code); return node ? primaryName(node, locale) : code; }).join(locale === 'en' ? ', ' : '、') : t('report.field.affectedNone')}
      </span>
    </fieldset>
  );
}
