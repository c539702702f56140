import type { WallLayout } from '../domain/wallLayout.ts';

/** The demo city hall: a 2×2 wall of four 1920×1080 displays, A1 B1 over A2 B2. */
export const CITY_HALL_ID = 'hall:city';

const preset = (key: string, name: string, nameEn: string, mode: WallLayout['mode'], cells: WallLayout['cells']): WallLayout => ({
  id: `preset:city:${key}`, name, nameEn, mode, kind: 'preset', hallId: CITY_HALL_ID, cells, screens: [], builtIn: true, exercise: false,
});

/** The city's whole view: centre and zoom that show all 16 districts on one display. */
const CITY_VIEW = 'view=121.47,31.2,9';

export const BUILT_IN_PRESETS: readonly WallLayout[] = [
  preset('daily', '日常值守', 'Daily duty', 'daily', [
    { display: 'A1', colSpan: 1, rowSpan: 1, route: `/map?${CITY_VIEW}` },
    { display: 'B1', colSpan: 1, rowSpan: 1, route: '/incidents' },
    { display: 'A2', colSpan: 1, rowSpan: 1, route: '/board/stock' },
    { display: 'B2', colSpan: 1, rowSpan: 1, route: '/sync' },
  ]),
  preset('typhoon', '台风应急', 'Typhoon response', 'emergency', [
    // The map across the top row: the track, the warnings and the shelters at one glance.
    { display: 'A1', colSpan: 2, rowSpan: 1, route: '/map?layers=boundaries,alerts,risk,shelters,incidents,tracks,teams&view=122.2,30.0,7.5' },
    { display: 'A2', colSpan: 1, rowSpan: 1, route: '/incidents' },
    { display: 'B2', colSpan: 1, rowSpan: 1, route: '/board/shelters' },
  ]),
  preset('flood', '防汛', 'Flood response', 'emergency', [
    { display: 'A1', colSpan: 1, rowSpan: 2, route: `/map?layers=boundaries,alerts,risk,depots,incidents,teams&${CITY_VIEW}` },
    { display: 'B1', colSpan: 1, rowSpan: 1, route: '/board/stock' },
    { display: 'B2', colSpan: 1, rowSpan: 1, route: '/board/allocations' },
  ]),
  preset('consultation', '会商', 'Consultation', 'emergency', [
    { display: 'A1', colSpan: 1, rowSpan: 1, route: `/map?${CITY_VIEW}` },
    { display: 'B1', colSpan: 1, rowSpan: 1, route: '/incidents' },
    { display: 'A2', colSpan: 1, rowSpan: 1, route: '/tree' },
    { display: 'B2', colSpan: 1, rowSpan: 1, route: '/board/needs' },
  ]),
];

export const CITY_HALL: WallLayout = {
  id: CITY_HALL_ID,
  name: '市应急指挥大厅',
  nameEn: 'City command hall',
  mode: 'daily',
  kind: 'hall',
  screens: [],
  displays: [
    { label: 'A1', col: 0, row: 0, width: 1920, height: 1080 },
    { label: 'B1', col: 1, row: 0, width: 1920, height: 1080 },
    { label: 'A2', col: 0, row: 1, width: 1920, height: 1080 },
    { label: 'B2', col: 1, row: 1, width: 1920, height: 1080 },
  ],
  current: null,
  rules: [
    { id: 'typhoon-II', incidentType: 'typhoon', minLevel: 'II', presetId: 'preset:city:typhoon', action: 'propose' },
    { id: 'flood-II', incidentType: 'flood', minLevel: 'II', presetId: 'preset:city:flood', action: 'propose' },
  ],
  proposal: null,
  builtIn: true,
  exercise: false,
};
