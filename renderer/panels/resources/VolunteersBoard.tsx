import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import type { Volunteer } from '../../../shared/domain/forces.ts';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import { describeError, formatTime } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { useLiveQuery } from '../../state/useLiveQuery.ts';
import { EXPORT_RAW } from '../../grid/csvExport.ts';
import { Board } from './Board.tsx';
import { enumLabel, enumList } from './labels.ts';

const loadVolunteers = (api: ConsoleApi) => api.forces.listVolunteers({});
const idOf = (row: Volunteer) => row.id;
const districtOf = (row: Volunteer) => row.districtCode;
const DISTRICT_FIELDS = ['districtCode'];

/** The volunteer roster: skills and call-up status; tick volunteers to call them up or stand them down. */
export function VolunteersBoard({ district, districts, nodes }: { district: string; districts: Map<string, string>; nodes: CommandNode[] | undefined }) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const volunteers = useLiveQuery(loadVolunteers, ['volunteer']);
  const streets = useMemo(() => new Map((nodes ?? []).filter((n) => n.level === 'street').map((n) => [n.code, n.name])), [nodes]);
  const [selected, setSelected] = useState<Volunteer[]>([]);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const columnDefs = useMemo<ColDef<Volunteer>[]>(() => [
    { colId: 'name', headerName: t('resources.col.name'), field: 'name', width: 150 },
    { colId: 'district', headerName: t('resources.col.district'), field: 'districtCode', width: 130, valueFormatter: (p) => districts.get(String(p.value)) ?? String(p.value ?? '') },
    { colId: 'street', headerName: t('resources.col.street'), field: 'streetCode', flex: 1, minWidth: 150, valueFormatter: (p) => streets.get(String(p.value)) ?? '' },
    { colId: 'skills', headerName: t('resources.col.skills'), field: 'skills', flex: 2, minWidth: 220, valueFormatter: (p) => enumList(t, 'resources.skill', p.value as string[], locale), filterValueGetter: (p) => enumList(t, 'resources.skill', p.data?.skills, locale) },
    { colId: 'status', headerName: t('resources.col.status'), field: 'status', width: 120, valueFormatter: (p) => enumLabel(t, 'resources.volunteerStatus', p.value as string), cellClass: (p) => `status status--${String(p.value)}` },
    { colId: 'calledUpAt', ...EXPORT_RAW, headerName: t('resources.col.calledUpAt'), field: 'calledUpAt', width: 170, valueFormatter: (p) => (p.value ? formatTime(String(p.value), locale, 'short') : ''), cellClass: 'cell-code' },
    { colId: 'calledUpFor', headerName: t('resources.col.calledUpFor'), field: 'calledUpFor', flex: 1, minWidth: 160 },
  ], [t, locale, districts, streets]);

  const act = async (kind: 'callUp' | 'standDown') => {
    const ids = selected.map((v) => v.id);
    if (ids.length === 0) return;
    try {
      const done = kind === 'callUp'
        ? await api.forces.callUpVolunteers({ ids, ...(reason.trim() ? { reason: reason.trim() } : {}) })
        : await api.forces.standDownVolunteers({ ids });
      setMessage({ ok: true, text: t(kind === 'callUp' ? 'resources.volunteers.calledUp' : 'resources.volunteers.stoodDown', { count: done.length }) });
    } catch (error) {
      setMessage({ ok: false, text: `${describeError(error, locale)} ${(error as Error).message ?? ''}` });
    }
  };

  const toolbar = (
    <div className="board__actions">
      <span className="board__selected" data-testid="volunteers-selected">{t('resources.volunteers.selected', { count: selected.length })}</span>
      <input className="input input--compact" value={reason} maxLength={200} placeholder={t('resources.volunteers.reason')} aria-label={t('resources.volunteers.reason')} onChange={(event) => setReason(event.target.value)} />
      <button type="button" className="button" disabled={selected.length === 0} onClick={() => act('callUp')} data-testid="volunteers-callup">{t('resources.volunteers.callUp')}</button>
      <button type="button" className="button" disabled={selected.length === 0} onClick={() => act('standDown')} data-testid="volunteers-standdown">{t('resources.volunteers.standDown')}</button>
      {message && <span className={message.ok ? 'board__ok' : 'board__error'} role={message.ok ? 'status' : 'alert'}>{message.text}</span>}
    </div>
  );
  return (
    <Board<Volunteer> boardId="volunteers" rows={volunteers.data} loading={volunteers.loading} error={volunteers.error} columnDefs={columnDefs}
      getId={idOf} districtOf={districtOf} districtFields={DISTRICT_FIELDS} district={district} toolbar={toolbar} multiSelect
      onSelect={(rows) => { setSelected(rows); setMessage(null); }} redrawKey={[districts, streets]} />
  );
}
