import PDFDocument from 'pdfkit';
import type { Boundary } from '../../../shared/domain/boundary.ts';
import type { EvidenceSnapshot } from '../../../shared/domain/consultation.ts';
import { isTaskOverdue } from '../../../shared/domain/task.ts';
import type { MinutesData } from './minutesData.ts';
import { bundledFont } from './minutesFont.ts';
import { beijingTime, entryText, fill, MINUTES_LABELS, type MinutesLocale } from './minutesLabels.ts';
import { entryHeading, figureLines } from './minutesMarkdown.ts';

const LEVEL_COLOURS: Record<string, string> = { I: '#c62828', II: '#ef6c00', III: '#f9a825', IV: '#1e88e5' };
const PAGE = { margin: 50, width: 595.28 };
const CONTENT_WIDTH = PAGE.width - PAGE.margin * 2;

/**
 * A static picture of the map as the snapshot froze it: district outlines and the incident
 * points, centred on the frozen view. Vector paths, so it prints sharp at any size.
 */
export function drawSnapshotMap(doc: PDFKit.PDFDocument, snapshot: EvidenceSnapshot, boundaries: readonly Boundary[], x: number, y: number, width: number, height: number): void {
  const [centerLon, centerLat] = snapshot.map.center;
  // Degrees shown across the box at this zoom (web-mercator tiles of 256 px), scaled to the box.
  const degreesAcross = (360 / 2 ** snapshot.map.zoom) * (width / 256) * 0.75;
  const cos = Math.cos((centerLat * Math.PI) / 180);
  const scale = width / degreesAcross;
  const project = (lon: number, lat: number): [number, number] => [x + width / 2 + (lon - centerLon) * scale * cos, y + height / 2 - (lat - centerLat) * scale];
  doc.save();
  doc.rect(x, y, width, height).fillAndStroke('#eef2f6', '#9aa7b4');
  doc.rect(x, y, width, height).clip();
  for (const boundary of boundaries) {
    for (const polygon of boundary.geometry.coordinates) {
      const ring = polygon[0];
      if (!ring || ring.length < 3) continue;
      ring.forEach(([lon, lat], index) => {
        const [px, py] = project(lon, lat);
        if (index === 0) doc.moveTo(px, py); else doc.lineTo(px, py);
      });
      doc.closePath();
    }
    doc.lineWidth(0.6).fillAndStroke('#ffffff', '#7d8b99');
  }
  for (const point of snapshot.map.incidents) {
    const [px, py] = project(point.lon, point.lat);
    doc.circle(px, py, 4).lineWidth(0.8).fillAndStroke(LEVEL_COLOURS[point.level] ?? '#555555', '#ffffff');
  }
  doc.restore();
}

/** The minutes of a session as a PDF with the bundled Chinese font embedded. */
export function minutesPdf(data: MinutesData, locale: MinutesLocale = 'zh-CN', font: Buffer = bundledFont()): Promise<Buffer> {
  const labels = MINUTES_LABELS[locale];
  const { session } = data;
  const doc = new PDFDocument({ size: 'A4', margin: PAGE.margin, info: { Title: `${labels.title}: ${session.title}`, Creator: 'Resilience Console' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', font);
  doc.font('body');
  const heading = (text: string, size = 14) => doc.moveDown(0.6).fontSize(size).fillColor('#1a2b3c').text(text).moveDown(0.2).fontSize(10.5).fillColor('#222222');
  const line = (text: string, options: PDFKit.Mixins.TextOptions = {}) => doc.text(text, { width: CONTENT_WIDTH, ...options });

  doc.fontSize(18).fillColor('#1a2b3c').text(`${labels.title}: ${session.title}`);
  if (session.exercise) doc.fontSize(10).fillColor('#b71c1c').text(`${labels.exercise} EXERCISE`);
  doc.fontSize(10.5).fillColor('#222222').moveDown(0.4);
  line(`${labels.status}: ${session.status === 'closed' ? labels.closed : labels.open}`);
  line(`${labels.started}: ${beijingTime(session.startedAt)}${session.closedAt ? `    ${labels.ended}: ${beijingTime(session.closedAt)}` : ''}`);
  line(`${labels.place}: ${data.placeName} (${session.nodeCode})`);
  if (data.incident) line(`${labels.fromIncident}: ${data.incident.title} (${data.incident.level})`);
  line(labels.timeNote, { oblique: false });

  heading(labels.participants);
  for (const person of session.participants ?? []) line(`${person.name} · ${person.agency} · ${labels[person.attendance]}`);
  heading(labels.agenda);
  (session.agenda ?? []).forEach((item, index) => line(`${index + 1}. ${item}`));

  heading(labels.record);
  for (const entry of data.entries) {
    doc.moveDown(0.3).fillColor(entry.kind === 'decision' ? '#0d47a1' : '#37474f');
    line(entryHeading(entry, labels));
    doc.fillColor('#222222');
    line(entryText(entry, labels), { indent: 12 });
    if (entry.snapshot) {
      for (const text of figureLines(entry.snapshot, labels, locale)) line(`• ${text}`, { indent: 12 });
      const height = 300;
      if (doc.y + height > doc.page.height - PAGE.margin) doc.addPage();
      const top = doc.y + 4;
      drawSnapshotMap(doc, entry.snapshot, data.boundaries, PAGE.margin + 12, top, CONTENT_WIDTH - 12, height);
      doc.font('body').fontSize(10.5).fillColor('#222222');
      doc.x = PAGE.margin;
      doc.y = top + height + 6;
    }
  }

  heading(labels.decisions);
  const decisions = data.entries.filter((entry) => entry.kind === 'decision');
  for (const decision of decisions) line(`• ${decision.text} (${labels.approvedBy}: ${decision.approvedBy ?? '—'})`);
  if (decisions.length === 0) line(labels.none);

  heading(labels.tasks);
  line(fill(labels.progress, data.progress));
  for (const task of data.tasks) {
    const overdue = isTaskOverdue(task, data.generatedAt);
    doc.fillColor(overdue ? '#b71c1c' : '#222222');
    line(`• ${task.title} — ${task.assigneeUnit} · ${task.dueAt ? beijingTime(task.dueAt) : '—'} · ${labels.taskStatuses[task.status]}${overdue ? ` · ${labels.overdue}` : ''}`);
  }
  doc.fillColor('#222222');
  if (data.alerts.length) {
    heading(labels.draftAlerts);
    for (const alert of data.alerts) line(`• ${alert.event} · ${labels.severity}: ${alert.severity} · ${labels.areas}: ${alert.areas.map((area) => area.description).join('; ')}`);
  }
  doc.moveDown(1).fontSize(9).fillColor('#607080');
  line(`${labels.generated}: ${beijingTime(data.generatedAt.toISOString())}`);
  doc.end();
  return done;
}
