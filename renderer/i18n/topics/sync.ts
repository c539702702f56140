/** The Sync view's strings for issue 10/16: the parent centre by name, its unreachable alarm. */
export const zhCN = {
  'sync.alarm.unreachable': '上级不可达',
  'sync.parentCentre': '上级指挥中心：{name}（{code}）',
  'sync.parentUnknown': '上级指挥中心：尚未连接（{address}）',
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  'sync.alarm.unreachable': 'parent unreachable',
  'sync.parentCentre': 'Parent centre: {name} ({code})',
  'sync.parentUnknown': 'Parent centre: not yet reached ({address})',
};
