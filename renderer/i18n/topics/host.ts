/** Strings of the browser console's connection to its service (outbox of writes made while it was away). */
export const zhCN = {
  'host.outboxPending': '{count} 项操作待送达控制台服务，恢复连接后自动发送',
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  'host.outboxPending': '{count} change(s) waiting for the console service; sent when it is back',
};
