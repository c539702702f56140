import type { ConsultationEntry, EvidenceSnapshot } from '../../../shared/domain/consultation.ts';
import { isTaskOverdue } from '../../../shared/domain/task.ts';
import type { MinutesData } from './minutesData.ts';
import { beijingTime, entryText, fill, MINUTES_LABELS, type MinutesLabels, type MinutesLocale } from './minutesLabels.ts';

/** Pipes and line breaks would break a Markdown table cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** One line per key figure of an evidence snapshot. */
export function figureLines(snapshot: EvidenceSnapshot, labels: MinutesLabels, locale: MinutesLocale): string[] {
  const f = snapshot.figures;
  const levels = (['I', 'II', 'III', 'IV'] as const).map((level) => `${level} ${f.incidentsByLevel[level] ?? 0}`).join(' · ');
  const stock = f.keyStock.map((item) => `${locale === 'en' ? item.nameEn ?? item.name : item.name} ${item.quantity.toLocaleString('en')} ${item.unit}`).join(locale === 'en' ? ', ' : '、');
  return [
    `${labels.incidentsByLevel}: ${levels}`,
    `${labels.keyStock}: ${stock || labels.none}`,
    `${labels.shelterFree}: ${f.shelterPlacesFree.toLocaleString('en')} / ${f.shelterCapacity.toLocaleString('en')}`,
    `${labels.teamsAvailable}: ${f.teamsAvailable} / ${f.teamsTotal}`,
    `${labels.activeAlerts}: ${f.activeAlerts}`,
    `${labels.mapView}: ${labels.center} ${snapshot.map.center[0].toFixed(3)}, ${snapshot.map.center[1].toFixed(3)} · ${labels.zoom} ${snapshot.map.zoom} · ${labels.layers} ${snapshot.map.layers.join(', ')}`,
  ];
}

/** The heading of one entry: time, kind, agency and its qualifiers. */
export function entryHeading(entry: ConsultationEntry, labels: MinutesLabels): string {
  const extras = [
    entry.confidence ? `${labels.confidence}: ${labels[entry.confidence]}` : '',
    entry.approvedBy ? `${labels.approvedBy}: ${entry.approvedBy}` : '',
    entry.corrects ? `${labels.corrects} ${entry.corrects}` : '',
  ].filter(Boolean);
  return `${beijingTime(entry.at)} · ${labels[entry.kind]} · ${entry.agency}${extras.length ? ` (${extras.join('; ')})` : ''}`;
}

/** The minutes of a session as Markdown, in the chosen language. */
export function minutesMarkdown(data: MinutesData, locale: MinutesLocale = 'zh-CN'): string {
  const labels = MINUTES_LABELS[locale];
  const { session } = data;
  const lines: string[] = [`# ${labels.title}: ${session.title}${session.exercise ? ` [${labels.exercise}]` : ''}`, ''];
  lines.push(`- ${labels.status}: ${session.status === 'closed' ? labels.closed : labels.open}`);
  lines.push(`- ${labels.started}: ${beijingTime(session.startedAt)}${session.closedAt ? ` · ${labels.ended}: ${beijingTime(session.closedAt)}` : ''}`);
  lines.push(`- ${labels.place}: ${data.placeName} (${session.nodeCode})`);
  if (data.incident) lines.push(`- ${labels.fromIncident}: ${data.incident.title} (${data.incident.level})`);
  if (session.alertId) lines.push(`- ${labels.fromAlert}: ${session.alertId}`);
  lines.push(`- ${labels.timeNote}`, '');

  lines.push(`## ${labels.participants}`, '', `| ${labels.name} | ${labels.agency} | ${labels.attendance} |`, '|---|---|---|');
  for (const person of session.participants ?? []) lines.push(`| ${cell(person.name)} | ${cell(person.agency)} | ${labels[person.attendance]} |`);
  lines.push('', `## ${labels.agenda}`, '');
  (session.agenda ?? []).forEach((item, index) => lines.push(`${index + 1}. ${item}`));
  if (!session.agenda?.length) lines.push(labels.none);

  lines.push('', `## ${labels.record}`, '');
  for (const entry of data.entries) {
    lines.push(`### ${entryHeading(entry, labels)}`, '', entryText(entry, labels), '');
    if (entry.snapshot) {
      lines.push(`**${labels.figures}** (${beijingTime(entry.snapshot.takenAt)})`, '');
      for (const line of figureLines(entry.snapshot, labels, locale)) lines.push(`- ${line}`);
      lines.push('');
    }
    const task = entry.taskId ? data.tasks.find((candidate) => candidate.id === entry.taskId) : undefined;
    if (task) lines.push(`${labels.task}: ${task.assigneeUnit} · ${labels.taskStatuses[task.status]}`, '');
  }

  lines.push(`## ${labels.decisions}`, '');
  const decisions = data.entries.filter((entry) => entry.kind === 'decision');
  for (const decision of decisions) lines.push(`- ${decision.text} (${labels.approvedBy}: ${decision.approvedBy ?? '—'}, ${beijingTime(decision.at)})`);
  if (decisions.length === 0) lines.push(labels.none);

  lines.push('', `## ${labels.tasks}`, '', fill(labels.progress, data.progress), '');
  lines.push(`| ${labels.task} | ${labels.unit} | ${labels.due} | ${labels.taskStatus} |`, '|---|---|---|---|');
  for (const task of data.tasks) {
    const overdue = isTaskOverdue(task, data.generatedAt) ? ` **${labels.overdue}**` : '';
    lines.push(`| ${cell(task.title)} | ${cell(task.assigneeUnit)} | ${task.dueAt ? beijingTime(task.dueAt) : '—'} | ${labels.taskStatuses[task.status]}${overdue} |`);
  }

  if (data.alerts.length) {
    lines.push('', `## ${labels.draftAlerts}`, '');
    for (const alert of data.alerts) lines.push(`- ${alert.event} · ${labels.severity}: ${alert.severity} · ${labels.areas}: ${alert.areas.map((area) => area.description).join('; ')} (${alert.id})`);
  }
  lines.push('', '---', `${labels.generated}: ${beijingTime(data.generatedAt.toISOString())}`, '');
  return lines.join('\n');
}
