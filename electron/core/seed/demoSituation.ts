import type { Alert } from '../../../shared/domain/alert.ts';
import type { Incident } from '../../../shared/domain/incident.ts';

/**
 * A fixed exercise situation for the map: incidents of varied types and levels at known
 * places, a typhoon alert for the coastal districts and a rainstorm alert drawn as a polygon.
 * Hand-placed rather than random, so the map reads the same in every exercise and the points
 * stay clear of each other and of the district names. All exercise-marked.
 */
export const DEMO_INCIDENTS: readonly Incident[] = [
  incident(1, '临港海堤漫溢', 'flood', 'II', 'responding', '310115000000', 121.93, 30.9),
  incident(2, '石化园区储罐泄漏', 'hazmat', 'I', 'responding', '310116000000', 121.33, 30.73),
  incident(3, '吴淞口码头仓库火灾', 'fire', 'II', 'verified', '310113000000', 121.49, 31.37),
  incident(4, '南京西路下立交积水', 'waterlogging', 'III', 'responding', '310106000000', 121.455, 31.235),
  incident(5, '松江新城片区停电', 'powerCut', 'III', 'reported', '310117000000', 121.25, 31.0),
  incident(6, '安亭镇道路多车相撞', 'traffic', 'IV', 'recovering', '310114000000', 121.16, 31.3),
  incident(7, '五角场老旧房屋局部倒塌', 'buildingCollapse', 'II', 'verified', '310110000000', 121.53, 31.265),
  incident(8, '朱家角短时强降雨', 'rainstorm', 'III', 'reported', '310118000000', 121.06, 31.1),
  incident(9, '陈家镇聚集性发热病例', 'publicHealth', 'IV', 'reported', '310151000000', 121.8, 31.52),
  incident(10, '徐家汇供水管爆裂', 'waterCut', 'IV', 'responding', '310104000000', 121.445, 31.19),
];

/** The coastal districts a typhoon warning covers: Baoshan, Pudong, Jinshan, Fengxian, Chongming. */
export const COASTAL_DISTRICTS = ['310113000000', '310115000000', '310116000000', '310120000000', '310151000000'] as const;

export const DEMO_ALERTS: readonly Alert[] = [
  {
    id: 'demo-alert-typhoon',
    sender: '上海市应急管理局（演练）',
    sent: '2026-01-01T01:00:00.000Z',
    status: 'Exercise',
    msgType: 'Alert',
    scope: 'Public',
    event: '台风橙色预警',
    severity: 'Severe',
    urgency: 'Expected',
    certainty: 'Likely',
    languages: ['zh-CN', 'en'],
    groups: ['public'],
    texts: [
      { language: 'zh-CN', headline: '演练：台风橙色预警，沿海各区做好防御', instruction: '沿海低洼地区人员按预案转移，海上作业人员回港避风。' },
      { language: 'en', headline: 'Exercise: orange typhoon warning for the coastal districts', instruction: 'Move people out of low-lying coastal areas as planned; vessels return to port.' },
    ],
    areas: [{ description: '宝山、浦东、金山、奉贤、崇明沿海各区', codes: [...COASTAL_DISTRICTS] }],
    exercise: true,
  },
  {
    id: 'demo-alert-rainstorm',
    sender: '上海中心气象台（演练）',
    sent: '2026-01-01T02:30:00.000Z',
    status: 'Exercise',
    msgType: 'Alert',
    scope: 'Public',
    event: '暴雨黄色预警',
    severity: 'Moderate',
    urgency: 'Immediate',
    certainty: 'Observed',
    languages: ['zh-CN', 'en'],
    groups: ['public'],
    texts: [
      { language: 'zh-CN', headline: '演练：中心城区暴雨黄色预警', instruction: '避开下立交和低洼路段，地下空间做好挡水。' },
      { language: 'en', headline: 'Exercise: yellow rainstorm warning for the city centre', instruction: 'Avoid underpasses and low roads; protect basements against water.' },
    ],
    areas: [{
      description: '中心城区（黄浦、静安、虹口、杨浦沿线）',
      codes: [],
      polygon: [[121.44, 31.215], [121.5, 31.2], [121.56, 31.245], [121.55, 31.3], [121.47, 31.31], [121.43, 31.265], [121.44, 31.215]],
    }],
    exercise: true,
  },
];

function incident(
  n: number, title: string, type: Incident['type'], level: Incident['level'], status: Incident['status'],
  nodeCode: string, lon: number, lat: number,
): Incident {
  return {
    id: `demo-incident-${n}`,
    title: `演练：${title}`,
    type, level, status, nodeCode,
    location: { lon, lat },
    // Minutes apart on the demo's opening day, so the list has a stable order.
    reportedAt: new Date(Date.UTC(2026, 0, 1, 1, 10 * n)).toISOString(),
    exercise: true,
  };
}
