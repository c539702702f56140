import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { EQUIPMENT_STATES, type Equipment, type EquipmentState } from '../../../shared/domain/forces.ts';
import type { Depot, Team } from '../../../shared/domain/resources.ts';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import { describeError, primaryName } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { useLiveQuery } from '../../state/useLiveQuery.ts';
import { EXPORT_RAW } from '../../grid/csvExport.ts';
import { Board } from './Board.tsx';
import { enumLabel, formatDay, namesById, NUMBER_CELL } from './labels.ts';

const loadEquipment = (api: ConsoleApi) => api.forces.listEquipment({});
const idOf = (row: Equipment) => row.id;
const districtOf = (row: Equipment) => row.districtCode;
const DISTRICT_FIELDS = ['districtCode'];

/** Equipment by type and state; a selected piece can be deployed to a team, serviced or returned. */
export function EquipmentBoard({ district, districts, depots, teams }: { district: string; districts: Map<string, string>; depots: Depot[] | undefined; teams: Team[] | undefined }) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const equipment = useLiveQuery(loadEquipment, ['equipment']);
  const depotNames = useMemo(() => namesById(depots, locale), [depots, locale]);
  const teamNames = useMemo(() => namesById(teams, locale), [teams, locale]);
  const [selected, setSelected] = useState<Equipment | null>(null);
  const [state, setState] = useState<EquipmentState>('deployed');
  const [teamId, setTeamId] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const columnDefs = useMemo<ColDef<Equipment>[]>(() => [
    { colId: 'name', headerName: t('resources.col.name'), valueGetter: (p) => (p.data ? primaryName(p.data, locale) : ''), flex: 2, minWidth: 220 },
    { colId: 'district', headerName: t('resources.col.district'), field: 'districtCode', width: 130, valueFormatter: (p) => districts.get(String(p.value)) ?? String(p.value ?? '') },
    { colId: 'type', headerName: t('resources.col.equipmentType'), field: 'type', width: 130, valueFormatter: (p) => enumLabel(t, 'resources.equipmentType', p.value as string) },
    { colId: 'state', headerName: t('resources.col.state'), field: 'state', width: 120, valueFormatter: (p) => enumLabel(t, 'resources.equipmentState', p.value as string), cellClass: (p) => `status status--${String(p.value)}` },
    { colId: 'rating', headerName: t('resources.col.rating'), width: 130, valueGetter: (p) => (p.data?.rating ? `${p.data.rating} ${p.data.ratingUnit ?? ''}` : ''), cellClass: NUMBER_CELL },
    { colId: 'depot', headerName: t('resources.col.depot'), field: 'depotId', flex: 2, minWidth: 220, valueFormatter: (p) => depotNames.get(String(p.value)) ?? '' },
    { colId: 'team', headerName: t('resources.col.team'), field: 'teamId', flex: 1, minWidth: 160, valueFormatter: (p) => (p.value ? teamNames.get(String(p.value)) ?? String(p.value) : '') },
    { colId: 'lastInspected', ...EXPORT_RAW, headerName: t('resources.col.lastInspected'), field: 'lastInspected', width: 130, valueFormatter: (p) => formatDay(p.value as string), cellClass: 'cell-code' },
  ], [t, locale, districts, depotNames, teamNames]);

  const localTeams = (teams ?? []).filter((team) => !selected || team.districtCode === selected.districtCode);
  const apply = async () => {
    if (!selected) return;
    try {
      const chosenTeam = state === 'deployed' ? teamId || localTeams[0]?.id : undefined;
      const result = await api.forces.updateEquipment({ id: selected.id, state, ...(chosenTeam ? { teamId: chosenTeam } : {}) });
      setMessage({ ok: true, text: t('resources.equipment.done', { name: primaryName(result, locale), state: enumLabel(t, 'resources.equipmentState', result.state) }) });
    } catch (error) {
      setMessage({ ok: false, text: describeError(error, locale) });
    }
  };

  const toolbar = (
    <div className="board__actions">
      <span className="board__selected">{selected ? primaryName(selected, locale) : t('resources.equipment.pick')}</span>
      <select className="input input--compact" value={state} aria-label={t('resources.col.state')} data-testid="equipment-state"
        onChange={(event) => setState(event.target.value as EquipmentState)}>
        {EQUIPMENT_STATES.map((value) => <option key={value} value={value}>{enumLabel(t, 'resources.equipmentState', value)}</option>)}
      </select>
      {state === 'deployed' && (
        <select className="input input--compact" value={teamId} aria-label={t('resources.col.team')} data-testid="equipment-team" onChange={(event) => setTeamId(event.target.value)}>
          {localTeams.map((team) => <option key={team.id} value={team.id}>{primaryName(team, locale)}</option>)}
        </select>
      )}
      <button type="button" className="button" disabled={!selected} onClick={apply} data-testid="equipment-apply">{t('resources.equipment.apply')}</button>
      {message && <span className={message.ok ? 'board__ok' : 'board__error'} role={message.ok ? 'status' : 'alert'}>{message.text}</span>}
    </div>
  );
  return (
    <Board<Equipment> boardId="equipment" rows={equipment.data} loading={equipment.loading} error={equipment.error} columnDefs={columnDefs}
      getId={idOf} districtOf={districtOf} districtFields={DISTRICT_FIELDS} district={district} toolbar={toolbar}
      onSelect={(rows) => { setSelected(rows[0] ?? null); setTeamId(''); setMessage(null); }} redrawKey={[districts, depotNames, teamNames]} />
  );
}
