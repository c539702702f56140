import type { CustomCellRendererProps } from 'ag-grid-react';
import type { Incident } from '../../shared/domain/incident.ts';
import { useI18n } from '../i18n/useI18n.ts';

/** Response level as a coloured badge: I red, II orange, III yellow, IV blue (the national colour scale). */
export function IncidentLevelCell(props: CustomCellRendererProps<Incident>) {
  const { t } = useI18n();
  const level = props.data?.level;
  if (!level) return null;
  return <span className={`level-badge level-badge--${level}`} title={t(`incidentLevel.${level}`)}>{t(`incidentLevelShort.${level}`)}</span>;
}
