/** Words for where a warning goes out, and what its text costs by SMS. */
export const zhCN = {
  'alertChannels.legend': '发布渠道',
  'alertChannels.hint': '未选渠道时，预警只经 Atom 订阅源供下游系统获取。',
  'alertChannels.channel.cellBroadcast': '手机小区广播',
  'alertChannels.channel.sms': '短信',
  'alertChannels.channel.tvRadio': '广播电视',
  'alertChannels.channel.outdoorScreens': '户外电子显示屏',
  'alertChannels.channel.newMedia': '政务新媒体',
  'alertChannels.channel.emergencyBroadcast': '应急广播（大喇叭）',
  'alertChannels.channel.sirens': '警报器',
  'alertChannels.sms': '{language} 短信：{units} 字（{encoding}），分 {messages} 条发送',
  'alertChannels.smsLong': '超过一条短信，手机会分条显示；可精简标题或防御指引。',
  'alertChannels.detail': '发布渠道：{channels}',
  'alertChannels.none': '发布渠道：未选（仅供下游系统订阅）',
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  'alertChannels.legend': 'Release channels',
  'alertChannels.hint': 'With no channel chosen, the alert reaches downstream systems through the Atom feed only.',
  'alertChannels.channel.cellBroadcast': 'Cell broadcast',
  'alertChannels.channel.sms': 'SMS',
  'alertChannels.channel.tvRadio': 'Radio and TV',
  'alertChannels.channel.outdoorScreens': 'Outdoor screens',
  'alertChannels.channel.newMedia': 'Government new media',
  'alertChannels.channel.emergencyBroadcast': 'Emergency broadcast (loudspeakers)',
  'alertChannels.channel.sirens': 'Sirens',
  'alertChannels.sms': '{language} SMS: {units} characters ({encoding}), messages: {messages}',
  'alertChannels.smsLong': 'Longer than one SMS: phones show it in parts; shorten the headline or the instruction.',
  'alertChannels.detail': 'Release channels: {channels}',
  'alertChannels.none': 'Release channels: none (downstream systems subscribe)',
};
