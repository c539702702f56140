/** Map strings added with the panel's split (issue 16's map fixes). */
export const zhCN = {
  'map.search.streetByDistrict': '{street}暂无边界数据，已显示其所在的{district}',
  'map.tool.escHint': '按 Esc 取消',
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  'map.search.streetByDistrict': '{street} has no outline yet; showing its district, {district}',
  'map.tool.escHint': 'Esc to cancel',
};
