import type { ColDef, RowClassRules } from 'ag-grid-community';
import { useMemo } from 'react';
import { alertState, type Alert } from '../../../shared/domain/alert.ts';
import { formatTime } from '../../i18n/display.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { capLabel } from '../../map/capLabels.ts';
import { Board } from '../resources/Board.tsx';
import { textFor } from './composerForm.ts';

const idOf = (alert: Alert) => alert.id;
const noDistrict = () => undefined;
const SEVERITY_ORDER = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'];
const rowClassRules: RowClassRules<Alert> = {
  'alert-row--draft': (params) => params.data !== undefined && alertState(params.data) === 'draft',
  'alert-row--cancel': (params) => params.data?.msgType === 'Cancel',
};

/** Every alert by workflow state (drafts, reviewed, issued), newest first, live. */
export function AlertsBoard({ alerts, loading, error, onSelect }: { alerts: Alert[] | undefined; loading: boolean; error: unknown; onSelect(alert: Alert | null): void }) {
  const { t, locale } = useI18n();
  const columnDefs = useMemo<ColDef<Alert>[]>(() => [
    {
      colId: 'state', headerName: t('alerts.col.state'), width: 120, valueGetter: (p) => (p.data ? alertState(p.data) : ''),
      valueFormatter: (p) => t(`alerts.state.${String(p.value)}` as MessageKey), cellClass: (p) => `status status--alert-${String(p.value)}`,
    },
    {
      colId: 'headline', headerName: t('alerts.col.headline'), flex: 3, minWidth: 280, valueGetter: (p) => (p.data ? textFor(p.data, locale).headline : ''),
      cellRenderer: (p: { data?: Alert; value: string }) => (
        <span className="incident-title">
          {p.data?.exercise && <span className="exercise-tag">{t('exercise.mark').split(' ')[0]}</span>}
          <span className="incident-title__text">{p.value}</span>
        </span>
      ),
    },
    {
      colId: 'severity', headerName: t('alerts.col.severity'), field: 'severity', width: 160,
      valueFormatter: (p) => capLabel('severity', String(p.value), locale), cellClass: (p) => `severity-cell severity-cell--${String(p.value)}`,
      comparator: (a: string, b: string) => SEVERITY_ORDER.indexOf(a) - SEVERITY_ORDER.indexOf(b),
    },
    { colId: 'urgency', headerName: t('alerts.col.urgency'), field: 'urgency', width: 150, valueFormatter: (p) => capLabel('urgency', String(p.value), locale) },
    { colId: 'msgType', headerName: t('alerts.col.msgType'), field: 'msgType', width: 110, valueFormatter: (p) => t(`alerts.msgType.${String(p.value)}` as MessageKey) },
    { colId: 'sent', headerName: t('alerts.col.sent'), field: 'sent', width: 190, sort: 'desc', valueFormatter: (p) => formatTime(String(p.value), locale), cellClass: 'cell-code' },
    { colId: 'areas', headerName: t('alerts.col.areas'), flex: 2, minWidth: 200, valueGetter: (p) => p.data?.areas.map((area) => area.description).join('；') ?? '' },
  ], [t, locale]);
  return (
    <Board<Alert> boardId="alerts" rows={alerts} loading={loading} error={error} columnDefs={columnDefs} getId={idOf}
      districtOf={noDistrict} district="" rowClassRules={rowClassRules} onSelect={(rows) => onSelect(rows[0] ?? null)} redrawKey={locale} />
  );
}
