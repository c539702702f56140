/** What has not reached the parent centre yet (issue 16 §1: offline must be honest). */
export const zhCN = {
  'outbox.unsent': '未上报',
  'outbox.unsentTitle': '尚未送达上级指挥中心；连通后自动上报',
  'outbox.column': '上报',
  'outbox.neverReached': '尚未收到上级数据：指挥网络与区划边界来自本程序，其余数据连通后同步',
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  'outbox.unsent': 'Not yet sent',
  'outbox.unsentTitle': 'Not yet received by the parent centre; sent automatically when the link returns',
  'outbox.column': 'Sent',
  'outbox.neverReached': 'Nothing received from the parent yet: the command network and boundaries ship with the console; the rest arrives once linked',
};
