/** Words of the minutes in both languages; the core has no access to the renderer's dictionaries. */
export const MINUTES_LABELS = {
  'zh-CN': {
    title: '会商纪要', status: '状态', open: '进行中', closed: '已签署关闭', started: '开始', ended: '结束', place: '地点',
    fromIncident: '来源事件', fromAlert: '来源预警', exercise: '演练', participants: '参会单位与人员', name: '姓名', agency: '单位',
    attendance: '出席', present: '到场', remote: '远程', absent: '缺席', agenda: '议程', record: '会商记录（按时间）',
    evidence: '证据快照', judgement: '研判', decision: '决策', action: '行动事项', warning: '拟发布预警', note: '备注', signOff: '签署',
    confidence: '把握', low: '低', medium: '中', high: '高', approvedBy: '批准人', corrects: '更正', task: '任务',
    figures: '关键数据', incidentsByLevel: '未关闭事件（按级别）', keyStock: '重点物资库存', shelterFree: '避难场所空余床位',
    teamsAvailable: '可调用队伍', activeAlerts: '生效预警', mapView: '地图视图', layers: '图层', center: '中心', zoom: '缩放',
    decisions: '决策汇总', tasks: '行动事项与任务', unit: '承办单位', due: '期限', taskStatus: '状态',
    progress: '已闭环 {closed}/{total} 项，超期 {overdue} 项', overdue: '超期', draftAlerts: '预警草稿（交预警发布席完成）',
    severity: '严重程度', areas: '范围', generated: '生成时间', none: '无', by: '记录节点',
    taskStatuses: { open: '待接收', accepted: '已接收', inProgress: '处置中', done: '已完成', verified: '已核验' },
    timeNote: '时间为北京时间（UTC+8）',
  },
  en: {
    title: 'Consultation minutes', status: 'Status', open: 'in progress', closed: 'signed off and closed', started: 'Started', ended: 'Ended', place: 'Place',
    fromIncident: 'Incident', fromAlert: 'Warning', exercise: 'Exercise', participants: 'Agencies and people', name: 'Name', agency: 'Agency',
    attendance: 'Attendance', present: 'present', remote: 'remote', absent: 'absent', agenda: 'Agenda', record: 'Record (in time order)',
    evidence: 'Evidence snapshot', judgement: 'Judgement', decision: 'Decision', action: 'Action item', warning: 'Warning to issue', note: 'Note', signOff: 'Sign-off',
    confidence: 'Confidence', low: 'low', medium: 'medium', high: 'high', approvedBy: 'Approved by', corrects: 'Corrects', task: 'Task',
    figures: 'Key figures', incidentsByLevel: 'Open incidents by level', keyStock: 'Stock of key items', shelterFree: 'Shelter places free',
    teamsAvailable: 'Teams available', activeAlerts: 'Active warnings', mapView: 'Map view', layers: 'Layers', center: 'Centre', zoom: 'Zoom',
    decisions: 'Decisions', tasks: 'Action items and tasks', unit: 'Unit', due: 'Deadline', taskStatus: 'Status',
    progress: '{closed} of {total} closed, {overdue} overdue', overdue: 'overdue', draftAlerts: 'Draft warnings (for the warning desk to complete)',
    severity: 'Severity', areas: 'Areas', generated: 'Generated', none: 'none', by: 'Recorded at',
    taskStatuses: { open: 'open', accepted: 'accepted', inProgress: 'in progress', done: 'done', verified: 'verified' },
    timeNote: 'Times are Beijing time (UTC+8)',
  },
} as const;

export type MinutesLocale = keyof typeof MINUTES_LABELS;
export type MinutesLabels = (typeof MINUTES_LABELS)[MinutesLocale];

/** An entry's text in the minutes' language: an attendance change is worded from its fields, anything else as written. */
export function entryText(entry: { text: string; attendance?: { name: string; agency: string; from?: 'present' | 'remote' | 'absent'; to: 'present' | 'remote' | 'absent' } | undefined }, labels: MinutesLabels): string {
  const change = entry.attendance;
  if (!change) return entry.text;
  const chinese = labels === MINUTES_LABELS['zh-CN'];
  const who = chinese ? `${change.name}（${change.agency}）` : `${change.name} (${change.agency})`;
  const to = labels[change.to];
  if (!change.from) return chinese ? `${who}加入会商：${to}` : `${who} joins: ${to}`;
  return chinese ? `${who}${labels.attendance}：${labels[change.from]} → ${to}` : `${who} ${labels.attendance.toLowerCase()}: ${labels[change.from]} → ${to}`;
}

/** Beijing time, as the hall reads it: 2026-01-01 09:30. */
export function beijingTime(iso: string): string {
  const date = new Date(Date.parse(iso) + 8 * 3600_000);
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
