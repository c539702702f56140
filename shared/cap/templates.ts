import type { Alert, AlertChannel, AlertText } from '../domain/alert.ts';

/** China's four warning colours and the CAP severity each is sent with. */
export const WARNING_LEVELS = { blue: 'Minor', yellow: 'Moderate', orange: 'Severe', red: 'Extreme' } as const;
export type WarningLevel = keyof typeof WARNING_LEVELS;

/** A ready-made warning: the duty officer picks areas and issues it in under a minute. */
export interface AlertTemplate {
  id: string;
  /** Names in the two UI languages. */
  name: { zh: string; en: string };
  event: string;
  categories: NonNullable<Alert['categories']>;
  responseTypes: NonNullable<Alert['responseTypes']>;
  urgency: Alert['urgency'];
  severity: Alert['severity'];
  certainty: Alert['certainty'];
  groups: string[];
  /** Where it goes out: the wider and more urgent the warning, the more channels. */
  channels: AlertChannel[];
  /** Hours from issue until the warning expires unless updated. */
  expiresInHours: number;
  texts: AlertText[];
}

const LEVEL_NAMES: Record<WarningLevel, { zh: string; en: string }> = {
  blue: { zh: '蓝色', en: 'blue' }, yellow: { zh: '黄色', en: 'yellow' }, orange: { zh: '橙色', en: 'orange' }, red: { zh: '红色', en: 'red' },
};

const TYPHOON_ADVICE: Record<WarningLevel, { zh: string; en: string }> = {
  blue: { zh: '关注台风最新消息；加固户外广告牌、搭建物。', en: 'Follow the typhoon news; secure billboards and temporary structures.' },
  yellow: { zh: '停止露天集体活动和高空作业；海上船只回港避风。', en: 'Stop outdoor gatherings and work at height; vessels return to port.' },
  orange: { zh: '中小学、幼儿园停课；工地停工；沿海低洼地区人员按预案转移。', en: 'Schools and kindergartens close; building sites stop; leave low-lying coastal areas as planned.' },
  red: { zh: '停止一切户外活动；人员留在安全室内，转移人员进入避难场所。', en: 'Stop all outdoor activity; stay in a safe building; evacuees go to shelters.' },
};

const TYPHOON_CHANNELS: Record<WarningLevel, AlertChannel[]> = {
  blue: ['tvRadio', 'outdoorScreens', 'newMedia'],
  yellow: ['sms', 'tvRadio', 'outdoorScreens', 'newMedia'],
  orange: ['cellBroadcast', 'sms', 'tvRadio', 'outdoorScreens', 'newMedia', 'emergencyBroadcast'],
  red: ['cellBroadcast', 'sms', 'tvRadio', 'outdoorScreens', 'newMedia', 'emergencyBroadcast'],
};

function typhoon(level: WarningLevel): AlertTemplate {
  const name = LEVEL_NAMES[level];
  return {
    id: `typhoon-${level}`,
    name: { zh: `台风${name.zh}预警`, en: `Typhoon ${name.en} warning` },
    event: `台风${name.zh}预警`,
    categories: ['Met'],
    responseTypes: level === 'red' || level === 'orange' ? ['Shelter', 'Evacuate'] : ['Prepare'],
    urgency: level === 'blue' ? 'Future' : level === 'yellow' ? 'Expected' : 'Immediate',
    severity: WARNING_LEVELS[level],
    certainty: 'Likely',
    groups: level === 'blue' ? ['public'] : ['public', 'schools', 'construction-sites', 'vessels'],
    channels: TYPHOON_CHANNELS[level],
    expiresInHours: 24,
    texts: [
      { language: 'zh-CN', headline: `上海市台风${name.zh}预警`, description: '受台风影响，本市将出现大风和强降水。', instruction: TYPHOON_ADVICE[level].zh },
      { language: 'en', event: `Typhoon ${name.en} warning`, headline: `Typhoon ${name.en} warning for Shanghai`, description: 'A typhoon brings strong winds and heavy rain to the city.', instruction: TYPHOON_ADVICE[level].en },
    ],
  };
}

/** Templates per hazard: typhoon in four colours, rainstorm, flood tide, heat and chemical release. */
export const ALERT_TEMPLATES: readonly AlertTemplate[] = [
  typhoon('blue'), typhoon('yellow'), typhoon('orange'), typhoon('red'),
  {
    id: 'rainstorm', name: { zh: '暴雨橙色预警', en: 'Rainstorm orange warning' }, event: '暴雨橙色预警',
    categories: ['Met'], responseTypes: ['Avoid', 'Prepare'], urgency: 'Immediate', severity: 'Severe', certainty: 'Likely',
    groups: ['public', 'drivers', 'underground-spaces'], channels: ['cellBroadcast', 'tvRadio', 'outdoorScreens', 'newMedia'], expiresInHours: 6,
    texts: [
      { language: 'zh-CN', headline: '暴雨橙色预警：3小时内降雨量将达50毫米以上', instruction: '避开下立交和低洼路段；地下空间做好挡水；危险地带人员转移。' },
      { language: 'en', event: 'Rainstorm orange warning', headline: 'Rainstorm orange warning: over 50 mm of rain within 3 hours', instruction: 'Avoid underpasses and low roads; protect basements against water; leave dangerous places.' },
    ],
  },
  {
    id: 'flood-tide', name: { zh: '风暴潮黄色预警', en: 'Storm tide yellow warning' }, event: '风暴潮黄色预警',
    categories: ['Met', 'Geo'], responseTypes: ['Avoid', 'Monitor'], urgency: 'Expected', severity: 'Moderate', certainty: 'Likely',
    groups: ['public', 'riverside-residents', 'vessels'], channels: ['sms', 'tvRadio', 'newMedia', 'emergencyBroadcast'], expiresInHours: 12,
    texts: [
      { language: 'zh-CN', headline: '风暴潮黄色预警：黄浦江、长江口沿岸高潮位', instruction: '远离防汛墙和滨江亲水平台；沿江低洼地区做好防潮准备。' },
      { language: 'en', event: 'Storm tide yellow warning', headline: 'Storm tide yellow warning: high water along the Huangpu and the Yangtze estuary', instruction: 'Keep away from flood walls and riverside platforms; low riverside areas prepare for high water.' },
    ],
  },
  {
    id: 'heat', name: { zh: '高温橙色预警', en: 'Heat orange warning' }, event: '高温橙色预警',
    categories: ['Met', 'Health'], responseTypes: ['Prepare'], urgency: 'Expected', severity: 'Severe', certainty: 'Likely',
    groups: ['public', 'elderly-care', 'outdoor-workers'], channels: ['tvRadio', 'outdoorScreens', 'newMedia'], expiresInHours: 24,
    texts: [
      { language: 'zh-CN', headline: '高温橙色预警：最高气温将达37℃以上', instruction: '避免午后户外作业；关照独居老人；防暑降温，预防中暑。' },
      { language: 'en', event: 'Heat orange warning', headline: 'Heat orange warning: highs of 37 °C or more', instruction: 'No outdoor work in the afternoon; check on older people living alone; keep cool and drink water.' },
    ],
  },
  {
    id: 'chemical-release', name: { zh: '危险化学品泄漏警报', en: 'Chemical release alert' }, event: '危险化学品泄漏',
    categories: ['CBRNE', 'Safety'], responseTypes: ['Shelter', 'Avoid'], urgency: 'Immediate', severity: 'Extreme', certainty: 'Observed',
    groups: ['public', 'schools', 'hospitals'], channels: ['cellBroadcast', 'emergencyBroadcast', 'sirens', 'tvRadio', 'newMedia'], expiresInHours: 6,
    texts: [
      { language: 'zh-CN', headline: '危险化学品泄漏：周边人员立即就地避险', instruction: '立即进入室内，关闭门窗和空调新风；听从现场指挥，勿前往事发地点。' },
      { language: 'en', event: 'Chemical release', headline: 'Chemical release: people nearby take shelter now', instruction: 'Go indoors now, close windows and ventilation; follow the orders on site and keep away from the scene.' },
    ],
  },
];

/** A template by id, or undefined. */
export function alertTemplate(id: string): AlertTemplate | undefined {
  return ALERT_TEMPLATES.find((template) => template.id === id);
}
