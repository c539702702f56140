import type { Alert } from '../../../shared/domain/alert.ts';
import type { ConsultationEntry, ConsultationSession, EvidenceSnapshot } from '../../../shared/domain/consultation.ts';
import type { Incident, IncidentEntry } from '../../../shared/domain/incident.ts';
import type { Shelter, StockItem, StockMovement, Team } from '../../../shared/domain/resources.ts';
import { shelterCapacity } from '../../../shared/domain/resources.ts';
import type { Task, TaskEntry, TaskStatus } from '../../../shared/domain/task.ts';
import type { OpDraft } from '../../../shared/sync/op.ts';

/** The exercise runs on the demo's first day, Beijing morning. */
const at = (minutes: number) => new Date(Date.parse('2026-01-01T01:30:00.000Z') + minutes * 60_000).toISOString();
const PUDONG = '310115000000';
const SESSION_ID = 'demo-session-lingang';
const BY = 'demo-city';

const bodiesOf = <T>(drafts: readonly OpDraft[], entity: OpDraft['entity']) => drafts.filter((draft) => draft.entity === entity).map((draft) => draft.body as T);

/** The key figures as the demo records stand, computed from them so the snapshot agrees with the boards. */
export function demoFigures(records: readonly OpDraft[]): EvidenceSnapshot['figures'] {
  const incidents = bodiesOf<Incident>(records, 'incident').filter((incident) => incident.status !== 'closed');
  const incidentsByLevel = { I: 0, II: 0, III: 0, IV: 0 };
  for (const incident of incidents) incidentsByLevel[incident.level] += 1;
  const totals = new Map<string, number>();
  for (const movement of bodiesOf<StockMovement>(records, 'stockMovement')) totals.set(movement.itemId, (totals.get(movement.itemId) ?? 0) + movement.delta);
  const items = bodiesOf<StockItem>(records, 'stockItem');
  const keyStock = ['demo-item-sandbag', 'demo-item-pump', 'demo-item-assault-boat', 'demo-item-life-jacket', 'demo-item-water', 'demo-item-food', 'demo-item-tent', 'demo-item-quilt']
    .flatMap((id) => items.filter((item) => item.id === id))
    .map((item) => ({ itemId: item.id, name: item.name, unit: item.unit, quantity: totals.get(item.id) ?? 0, ...(item.nameEn ? { nameEn: item.nameEn } : {}) }));
  const shelters = bodiesOf<Shelter>(records, 'shelter').filter((shelter) => shelter.state !== 'closed');
  const capacity = shelters.reduce((sum, shelter) => sum + shelterCapacity(shelter), 0);
  const teams = bodiesOf<Team>(records, 'team');
  const alerts = bodiesOf<Alert>(records, 'alert').filter((alert) => (alert.status === 'Actual' || alert.status === 'Exercise') && alert.msgType !== 'Cancel');
  return {
    incidentsByLevel, openIncidents: incidents.length, keyStock,
    shelterPlacesFree: capacity - shelters.reduce((sum, shelter) => sum + shelter.occupancy, 0), shelterCapacity: capacity,
    teamsAvailable: teams.filter((team) => team.status === 'available').length, teamsTotal: teams.length, activeAlerts: alerts.length,
  };
}

function task(id: string, title: string, unit: string, kind: Task['assigneeKind'], status: TaskStatus, entryId: string, created: number, due: number): Task {
  return { id, title, assigneeUnit: unit, assigneeKind: kind, nodeCode: PUDONG, status, createdAt: at(created), dueAt: at(due), incidentId: 'demo-incident-1', sessionId: SESSION_ID, entryId, exercise: true };
}

/**
 * One exercise consultation on the Lingang seawall overtopping, with an entry of every kind,
 * tasks at every stage (one overdue), a draft warning and the sign-off: what a new user opens first.
 */
export function demoConsultationDrafts(records: readonly OpDraft[]): OpDraft[] {
  const incident = bodiesOf<Incident>(records, 'incident').find((candidate) => candidate.id === 'demo-incident-1');
  if (!incident) return [];
  const session: ConsultationSession = {
    id: SESSION_ID, title: '临港海堤漫溢防汛会商（演练）', nodeCode: PUDONG, incidentId: incident.id,
    agencies: ['市应急管理局', '市水务局', '市气象局', '浦东新区政府', '市消防救援总队'],
    participants: [
      { name: '张伟', agency: '市应急管理局', attendance: 'present' },
      { name: '刘洋', agency: '市水务局', attendance: 'present' },
      { name: '陈静', agency: '市气象局', attendance: 'remote' },
      { name: '王磊', agency: '浦东新区政府', attendance: 'remote' },
      { name: '赵敏', agency: '市消防救援总队', attendance: 'absent' },
    ],
    agenda: ['潮位与降雨研判', '海堤加固与人员转移', '预警发布', '任务分工'],
    status: 'closed', startedAt: at(0), closedAt: at(55), exercise: true,
  };
  const snapshot: EvidenceSnapshot = {
    takenAt: at(2), figures: demoFigures(records),
    map: {
      center: [121.75, 31.0], zoom: 8.6, layers: ['districts', 'incidents', 'alerts'],
      incidents: bodiesOf<Incident>(records, 'incident').filter((item) => item.location && item.status !== 'closed')
        .map((item) => ({ id: item.id, lon: item.location!.lon, lat: item.location!.lat, level: item.level, type: item.type })),
    },
  };
  const alert: Alert = {
    // A draft in the warning desk's workflow: a CAP sender has no spaces, and it is exercise data end to end.
    id: 'demo-alert-draft-storm-surge', sender: 'pudong-consultation', sent: at(40), status: 'Exercise', state: 'draft', msgType: 'Alert', scope: 'Public',
    event: '风暴潮橙色预警', severity: 'Severe', urgency: 'Expected', certainty: 'Likely', languages: ['zh-CN'], groups: ['public'],
    texts: [{ language: 'zh-CN', headline: '演练：临港沿海风暴潮橙色预警，低洼地区人员转移' }],
    areas: [{ description: '浦东新区', codes: [PUDONG] }], exercise: true,
  };
  const entry = (id: string, minutes: number, fields: Omit<ConsultationEntry, 'id' | 'sessionId' | 'at' | 'exercise' | 'by'>): ConsultationEntry =>
    ({ id: `demo-cse-${id}`, sessionId: SESSION_ID, at: at(minutes), by: BY, exercise: true, ...fields });
  const tasks = [
    task('demo-task-sandbag', '海堤缺口沙袋封堵', '浦东新区防汛指挥部', 'district', 'verified', 'demo-cse-action-1', 30, 150),
    task('demo-task-evacuate', '转移临港低洼区居民至避难场所', '浦东新区政府', 'district', 'done', 'demo-cse-action-2', 31, 240),
    task('demo-task-pumps', '调派抽水泵 8 台至临港', '市水务局', 'agency', 'inProgress', 'demo-cse-action-3', 32, 90),
    task('demo-task-patrol', '海堤夜间巡查', '临港消防救援站', 'team', 'accepted', 'demo-cse-action-4', 33, 60),
  ];
  const entries: ConsultationEntry[] = [
    entry('evidence', 2, { kind: 'evidence', agency: '市应急管理局', text: '会商开始时的态势：全市未关闭事件、重点物资、避难场所与队伍', snapshot }),
    entry('judgement-1', 10, { kind: 'judgement', agency: '市水务局', text: '今晚 21 时天文大潮叠加东南风，临港段潮位将超警戒 0.4 米，海堤缺口有扩大风险', confidence: 'high' }),
    entry('judgement-2', 14, { kind: 'judgement', agency: '市气象局', text: '未来 12 小时浦东东部累计降雨 50–80 毫米，可能加重内涝', confidence: 'medium' }),
    entry('note', 18, { kind: 'note', agency: '浦东新区政府', text: '临港低洼区约 3,200 人需转移，避难场所已开放 2 处' }),
    entry('correction', 20, { kind: 'note', agency: '浦东新区政府', text: '更正：需转移约 3,800 人（含在建工地人员）', corrects: 'demo-cse-note' }),
    entry('decision-1', 25, { kind: 'decision', agency: '市应急管理局', text: '启动防汛防台 III 级应急响应', approvedBy: '张伟' }),
    entry('decision-2', 28, { kind: 'decision', agency: '市应急管理局', text: '21 时前完成临港低洼区人员转移', approvedBy: '张伟' }),
    ...tasks.map((item, index) => entry(`action-${index + 1}`, 30 + index, { kind: 'action', agency: '市应急管理局', text: item.title, taskId: item.id })),
    entry('warning', 40, { kind: 'warning', agency: '市气象局', text: alert.event, alertId: alert.id }),
    entry('signoff', 55, { kind: 'signOff', agency: '市应急管理局', text: '会商结论已确认，纪要下发各单位', approvedBy: '张伟' }),
  ];
  const taskEntries: TaskEntry[] = tasks.flatMap((item) => {
    const steps = (['open', 'accepted', 'inProgress', 'done', 'verified'] as const).slice(0, ['open', 'accepted', 'inProgress', 'done', 'verified'].indexOf(item.status) + 1);
    return steps.map((status, index) => ({
      id: `${item.id}-${status}`, taskId: item.id, kind: index === 0 ? 'dispatch' as const : 'status' as const, status,
      by: BY, at: at(30 + index * 20), exercise: true, ...(index === 0 ? { text: `→ ${item.assigneeUnit}` } : {}),
    }));
  });
  // Every demo incident's report opens its timeline, so the duty log reads like a real shift.
  const timeline: IncidentEntry[] = [
    ...bodiesOf<Incident>(records, 'incident').map((item): IncidentEntry => ({
      id: `demo-ince-${item.id.replace('demo-incident-', '')}-report`, incidentId: item.id, kind: 'report', text: item.title,
      status: 'reported', by: BY, at: item.reportedAt, exercise: true,
    })),
    { id: 'demo-ince-1-responding', incidentId: incident.id, kind: 'status', status: 'responding', text: '会商决定启动 III 级响应', by: BY, at: at(25), exercise: true },
  ];
  return [
    { entity: 'consultationSession', key: session.id, kind: 'upsert', body: session, scope: PUDONG },
    ...entries.map((body): OpDraft => ({ entity: 'consultationEntry', key: body.id, kind: 'insert', body, scope: PUDONG })),
    ...tasks.map((body): OpDraft => ({ entity: 'task', key: body.id, kind: 'upsert', body, scope: PUDONG })),
    ...taskEntries.map((body): OpDraft => ({ entity: 'taskEntry', key: body.id, kind: 'insert', body, scope: PUDONG })),
    ...timeline.map((body): OpDraft => ({ entity: 'incidentEntry', key: body.id, kind: 'insert', body, scope: records.find((draft) => draft.key === body.incidentId)?.scope ?? PUDONG })),
    { entity: 'alert', key: alert.id, kind: 'upsert', body: alert, scope: '*' },
  ];
}
