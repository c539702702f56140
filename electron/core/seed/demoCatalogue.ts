import type { Depot, StockItem } from '../../../shared/domain/resources.ts';

type ReserveType = Depot['reserveType'];

/**
 * Unit contents (for needs assessment): a case of water is 24 × 550 mL = 13.2 L; a case of
 * ready-to-eat food is 24 meals of about 500 kcal; a quilt or folding bed serves one person;
 * a standard relief tent covers 12 m².
 *
 * The fixed vocabulary of the demo region: what a Shanghai district typically stores,
 * which teams it fields and where it shelters people. Quantities are plausible, not real.
 */

export interface DemoStockItem extends Omit<StockItem, 'exercise'> {
  /** Range of the opening stock per depot. */
  opening: [number, number];
}

/**
 * Shelf life, in days from the demo's opening stock, of the perishable items' opening lots:
 * spread so that some lots are near expiry during an exercise late in the demo year.
 */
export const DEMO_SHELF_LIFE_DAYS: Readonly<Record<string, [number, number]>> = {
  'demo-item-water': [300, 720],
  'demo-item-food': [300, 540],
  'demo-item-first-aid': [330, 900],
};

export const DEMO_STOCK_ITEMS: readonly DemoStockItem[] = [
  { id: 'demo-item-water', name: '瓶装饮用水', nameEn: 'Bottled drinking water', unit: '箱', category: 'water', unitContent: { amount: 13.2, measure: 'L' }, minLevel: 600, opening: [300, 2400] },
  { id: 'demo-item-food', name: '方便食品', nameEn: 'Ready-to-eat food', unit: '箱', category: 'food', unitContent: { amount: 12000, measure: 'kcal' }, minLevel: 400, opening: [200, 1800] },
  { id: 'demo-item-quilt', name: '棉被', nameEn: 'Cotton quilt', unit: '床', category: 'bedding', unitContent: { amount: 1, measure: 'person' }, minLevel: 500, opening: [300, 3000] },
  { id: 'demo-item-folding-bed', name: '折叠床', nameEn: 'Folding bed', unit: '张', category: 'bedding', unitContent: { amount: 1, measure: 'person' }, minLevel: 200, opening: [100, 1200] },
  { id: 'demo-item-tent', name: '帐篷', nameEn: 'Relief tent', unit: '顶', category: 'shelter', unitContent: { amount: 12, measure: 'm2' }, minLevel: 40, opening: [20, 300] },
  { id: 'demo-item-life-jacket', name: '救生衣', nameEn: 'Life jacket', unit: '件', category: 'rescue', minLevel: 150, opening: [100, 800] },
  { id: 'demo-item-assault-boat', name: '冲锋舟', nameEn: 'Assault boat', unit: '艘', category: 'rescue', minLevel: 2, opening: [1, 8] },
  { id: 'demo-item-sandbag', name: '沙袋', nameEn: 'Sandbag', unit: '只', category: 'rescue', minLevel: 4000, opening: [2000, 20000] },
  { id: 'demo-item-pump', name: '抽水泵', nameEn: 'Drainage pump', unit: '台', category: 'rescue', minLevel: 6, opening: [4, 40] },
  { id: 'demo-item-generator', name: '发电机', nameEn: 'Generator', unit: '台', category: 'power', minLevel: 4, opening: [2, 20] },
  { id: 'demo-item-lamp', name: '应急照明灯', nameEn: 'Emergency lamp', unit: '盏', category: 'power', minLevel: 100, opening: [50, 600] },
  { id: 'demo-item-first-aid', name: '急救包', nameEn: 'First-aid kit', unit: '个', category: 'medical', minLevel: 200, opening: [100, 1000] },
];

/** A depot of each reserve type (policy: four kinds of reserve): what it is called and which district body holds it. */
export const DEPOT_KINDS: Record<ReserveType, { name: string; nameEn: string; owner: string }> = {
  physical: { name: '应急物资储备库', nameEn: 'Emergency Supplies Depot', owner: '应急管理局' },
  productionCapacity: { name: '协议企业产能储备点', nameEn: 'Contracted Production Reserve', owner: '商务委员会' },
  government: { name: '政府储备仓库', nameEn: 'Government Reserve Warehouse', owner: '发展和改革委员会' },
  nonGovernment: { name: '红十字会备灾仓库', nameEn: 'Red Cross Relief Warehouse', owner: '红十字会' },
};

/** Reserve types in the order depots cycle through them. */
export const RESERVE_TYPES: readonly ReserveType[] = ['physical', 'productionCapacity', 'government', 'nonGovernment'];

export const TEAM_KINDS = {
  fireRescue: {
    name: '消防救援队', nameEn: 'Fire and Rescue Team', size: [40, 120],
    capabilities: ['fireSuppression', 'urbanSearchRescue', 'hazmat', 'highRiseRescue', 'waterRescue', 'ropeRescue'],
  },
  professional: {
    name: '防汛抢险专业队', nameEn: 'Flood Control Professional Team', size: [20, 80],
    capabilities: ['floodPumping', 'leveeRepair', 'rescueBoat', 'powerRestoration', 'treeClearance', 'heavyMachinery'],
  },
  social: {
    name: '社会应急救援队', nameEn: 'Civil Rescue Team', size: [15, 60],
    capabilities: ['urbanSearchRescue', 'waterRescue', 'medicalFirstAid', 'communications', 'droneSurvey'],
  },
  grassroots: {
    name: '基层应急队', nameEn: 'Community Response Team', size: [10, 40],
    capabilities: ['evacuation', 'patrol', 'sandbagging', 'medicalFirstAid', 'sheltering'],
  },
  volunteer: {
    name: '应急志愿服务队', nameEn: 'Emergency Volunteer Team', size: [20, 150],
    capabilities: ['sheltering', 'logistics', 'psychologicalSupport', 'evacuation', 'publicInformation'],
  },
} as const;

export type DemoTeamKind = keyof typeof TEAM_KINDS;
export const TEAM_KIND_ORDER = Object.keys(TEAM_KINDS) as DemoTeamKind[];

/** Kinds of site that serve as emergency shelters in Shanghai, with their usable areas (m²). */
export const SHELTER_TYPES = [
  { name: '公园', nameEn: 'Park', area: [5000, 20000] },
  { name: '体育场馆', nameEn: 'Sports Venue', area: [3000, 15000] },
  { name: '学校', nameEn: 'School', area: [1500, 6000] },
  { name: '社区文化活动中心', nameEn: 'Community Centre', area: [800, 2500] },
] as const;

export const SHELTER_FACILITIES = [
  'drinkingWater', 'backupPower', 'toilets', 'firstAid', 'kitchen', 'bedding', 'broadcast', 'showers', 'accessible', 'chargingPoints',
] as const;
