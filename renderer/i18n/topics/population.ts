/** Words for the people an alert covers, estimated from the population table. */
export const zhCN = {
  'population.covered': '覆盖人口约 {people} 人',
  'population.part.whole': '{name}：{people} 人（全区）',
  'population.part.table': '{name}：{people} 人（所列街镇）',
  'population.part.evenShare': '{name}：约 {people} 人（街镇按全区平均分摊）',
  'population.part.area': '{name}：约 {people} 人（覆盖面积 {share}%）',
  'population.part.mixed': '{name}：约 {people} 人（所列街镇及覆盖面积 {share}%）',
  'population.source': '人口数据：{source}，统计时点 {asOf}',
  'population.missing': '以下区无人口数字，未计入：{districts}',
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  'population.covered': 'About {people} people covered',
  'population.part.whole': '{name}: {people} people (whole district)',
  'population.part.table': '{name}: {people} people (the streets named)',
  'population.part.evenShare': '{name}: about {people} people (streets as an even share of the district)',
  'population.part.area': '{name}: about {people} people ({share}% of its area)',
  'population.part.mixed': '{name}: about {people} people (the streets named and {share}% of its area)',
  'population.source': 'Population figures: {source}, counted {asOf}',
  'population.missing': 'No population figure for these districts, not counted: {districts}',
};
