import { useMemo, useState } from 'react';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { primaryName } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useLiveQuery } from '../../state/useLiveQuery.ts';
import { AllocationsBoard } from './AllocationsBoard.tsx';
import { CsvImportDialog } from './CsvImportDialog.tsx';
import { EquipmentBoard } from './EquipmentBoard.tsx';
import { districtNames } from './labels.ts';
import { NeedsPanel } from './NeedsPanel.tsx';
import './resources.css';
import { SheltersBoard } from './SheltersBoard.tsx';
import { StockBoard } from './StockBoard.tsx';
import { TeamsBoard } from './TeamsBoard.tsx';
import { VolunteersBoard } from './VolunteersBoard.tsx';

export type ResourceTab = 'stock' | 'teams' | 'equipment' | 'volunteers' | 'shelters' | 'allocations' | 'needs';
const TABS: { id: ResourceTab; label: MessageKey }[] = [
  { id: 'stock', label: 'resources.tab.stock' },
  { id: 'teams', label: 'resources.tab.teams' },
  { id: 'equipment', label: 'resources.tab.equipment' },
  { id: 'volunteers', label: 'resources.tab.volunteers' },
  { id: 'shelters', label: 'resources.tab.shelters' },
  { id: 'allocations', label: 'resources.tab.allocations' },
  { id: 'needs', label: 'resources.tab.needs' },
];

const loadDepots = (api: ConsoleApi) => api.resources.listDepots({});
const loadItems = (api: ConsoleApi) => api.resources.listStockItems({});
const loadShelters = (api: ConsoleApi) => api.resources.listShelters({});
const loadTeams = (api: ConsoleApi) => api.resources.listTeams({});
const loadIncidents = (api: ConsoleApi) => api.incidents.list({});
const DISTRICT_KEY = 'rc.resources.district';

/**
 * Reserves and forces: stock by depot and item, teams, equipment, volunteers, shelters,
 * allocations and a rapid needs assessment, each board live and filtered by district.
 * Boards stay mounted once opened, so they keep receiving row changes and their scroll position.
 */
export function ResourcesPanel({ nodes, exerciseData, initialTab = 'stock', initialDistrict }: {
  nodes: CommandNode[] | undefined; exerciseData: boolean;
  /** From an address (`#/board/stock?district=…`): the board and district to open with. */
  initialTab?: ResourceTab; initialDistrict?: string;
}) {
  const { t, locale } = useI18n();
  const [tab, setTab] = useState<ResourceTab>(initialTab);
  const [opened, setOpened] = useState<Set<ResourceTab>>(() => new Set([initialTab]));
  const [district, setDistrict] = useState(() => initialDistrict ?? (typeof localStorage === 'undefined' ? '' : localStorage.getItem(DISTRICT_KEY) ?? ''));
  const [importing, setImporting] = useState(false);
  const depots = useLiveQuery(loadDepots, ['depot']);
  const items = useLiveQuery(loadItems, ['stockItem']);
  const shelters = useLiveQuery(loadShelters, ['shelter']);
  const teams = useLiveQuery(loadTeams, ['team']);
  const incidents = useLiveQuery(loadIncidents, ['incident']);
  const districts = useMemo(() => districtNames(nodes, locale), [nodes, locale]);

  const open = (next: ResourceTab) => {
    setOpened((previous) => (previous.has(next) ? previous : new Set([...previous, next])));
    setTab(next);
  };
  const chooseDistrict = (code: string) => {
    setDistrict(code);
    try { localStorage.setItem(DISTRICT_KEY, code); } catch { /* the choice just is not remembered */ }
  };
  const show = (id: ResourceTab) => opened.has(id);

  return (
    <section className="panel" aria-labelledby="resources-title" data-testid="panel-resources">
      <div className="panel__header">
        <h2 id="resources-title" className="panel__title">{t('resources.title')}</h2>
        <div className="resource-tabs" role="tablist" aria-label={t('resources.title')}>
          {TABS.map((item) => (
            <button key={item.id} type="button" role="tab" aria-selected={tab === item.id}
              className={`resource-tabs__tab${tab === item.id ? ' resource-tabs__tab--current' : ''}`}
              data-testid={`resources-tab-${item.id}`} onClick={() => open(item.id)}>{t(item.label)}</button>
          ))}
        </div>
        <div className="panel__toolbar">
          <label className="district-filter">
            <span className="form-field__label">{t('resources.districtFilter')}</span>
            <select className="input input--compact" value={district} data-testid="resources-district" onChange={(e) => chooseDistrict(e.target.value)}>
              <option value="">{t('resources.allDistricts')}</option>
              {(nodes ?? []).filter((n) => n.level === 'district').map((n) => <option key={n.code} value={n.code}>{primaryName(n, locale)}</option>)}
            </select>
          </label>
          <button type="button" className="button" onClick={() => setImporting(true)} data-testid="resources-import">{t('resources.import.open')}</button>
        </div>
      </div>
      <div className="resource-body">
        {show('stock') && <div className="resource-body__tab" hidden={tab !== 'stock'}><StockBoard district={district} districts={districts} /></div>}
        {show('teams') && <div className="resource-body__tab" hidden={tab !== 'teams'}><TeamsBoard district={district} districts={districts} /></div>}
        {show('equipment') && <div className="resource-body__tab" hidden={tab !== 'equipment'}><EquipmentBoard district={district} districts={districts} depots={depots.data} teams={teams.data} /></div>}
        {show('volunteers') && <div className="resource-body__tab" hidden={tab !== 'volunteers'}><VolunteersBoard district={district} districts={districts} nodes={nodes} /></div>}
        {show('shelters') && <div className="resource-body__tab" hidden={tab !== 'shelters'}><SheltersBoard district={district} districts={districts} /></div>}
        {show('allocations') && (
          <div className="resource-body__tab" hidden={tab !== 'allocations'}>
            <AllocationsBoard district={district} depots={depots.data} items={items.data} shelters={shelters.data} incidents={incidents.data} exerciseData={exerciseData} />
          </div>
        )}
        {show('needs') && (
          <div className="resource-body__tab resource-body__tab--scroll" hidden={tab !== 'needs'}>
            <NeedsPanel nodes={nodes} district={district} depots={depots.data} items={items.data} shelters={shelters.data} exerciseData={exerciseData} />
          </div>
        )}
      </div>
      {importing && <CsvImportDialog exerciseData={exerciseData} onClose={() => setImporting(false)} />}
    </section>
  );
}
