import type { CustomCellRendererProps } from 'ag-grid-react';
import type { Incident } from '../../shared/domain/incident.ts';
import { useI18n } from '../i18n/useI18n.ts';

/** The incident's title, tagged when it is exercise data. */
export function IncidentTitleCell(props: CustomCellRendererProps<Incident>) {
  const { t } = useI18n();
  if (!props.data) return null;
  return (
    <span className="incident-title">
      {props.data.exercise && <span className="exercise-tag">{t('incidents.exerciseTag')}</span>}
      <span className="incident-title__text">{props.data.title}</span>
    </span>
  );
}
