import { shelterCapacity } from '../../shared/domain/resources.ts';
import { formatPosition } from '../../shared/hazard/longitude.ts';
import { primaryName, secondaryName } from '../i18n/display.ts';
import { translate, type Locale, type MessageKey } from '../i18n/messages.ts';
import { capLabel } from './capLabels.ts';
import type { MapSelection } from './features.ts';
import { categoryKey, occupancyRatio, trackTimeLabel } from './model.ts';

export interface DetailRow { label: string; value: string; testId?: string }
export interface Details { kind: string; title: string; subtitle: string; rows: DetailRow[] }

const KIND: Record<MapSelection['kind'], MessageKey> = {
  district: 'map.kind.district',
  depot: 'map.kind.depot',
  shelter: 'map.kind.shelter',
  team: 'map.kind.team',
  track: 'map.kind.track',
  trackPoint: 'map.kind.trackPoint',
  incident: 'map.kind.incident',
  area: 'map.kind.area',
  node: 'map.kind.node',
  link: 'map.kind.link',
  alert: 'map.kind.alert',
};

const percent = (ratio: number) => (Number.isFinite(ratio) ? `${Math.round(ratio * 100)}%` : '—');

/** What the details panel shows for a clicked feature: names in both languages, then its facts. */
export function featureDetails(selection: MapSelection, locale: Locale): Details {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const kind = t(KIND[selection.kind]);
  const row = (label: MessageKey, value: string | number, testId?: string): DetailRow => ({ label: t(label), value: String(value), ...(testId ? { testId } : {}) });
  switch (selection.kind) {
    case 'district': {
      const b = selection.record;
      return { kind, title: primaryName(b, locale), subtitle: secondaryName(b, locale), rows: [row('map.field.code', b.code), row('map.field.source', b.source)] };
    }
    case 'depot': {
      const d = selection.record;
      return {
        kind, title: primaryName(d, locale), subtitle: secondaryName(d, locale), rows: [
          row('map.field.id', d.id), row('map.field.reserveType', t(`reserveType.${d.reserveType}`)), row('map.field.districtCode', d.districtCode),
          ...(d.exercise ? [row('map.field.exercise', t('incidents.exerciseTag'))] : []),
        ],
      };
    }
    case 'shelter': {
      const s = selection.record;
      const capacity = shelterCapacity(s);
      return {
        kind, title: primaryName(s, locale), subtitle: secondaryName(s, locale), rows: [
          row('map.field.id', s.id),
          row('map.field.capacity', t('map.value.persons', { count: capacity }), 'detail-capacity'),
          row('map.field.occupancy', t('map.value.occupancy', { count: s.occupancy, percent: percent(occupancyRatio(s)) }), 'detail-occupancy'),
          row('map.field.state', t(`shelterState.${s.state}`)),
          row('map.field.area', t('map.value.area', { area: s.usableAreaM2.toLocaleString('en-US') })),
        ],
      };
    }
    case 'team': {
      const m = selection.record;
      return {
        kind, title: primaryName(m, locale), subtitle: secondaryName(m, locale), rows: [
          row('map.field.id', m.id), row('map.field.teamKind', t(`teamKind.${m.kind}`)),
          row('map.field.size', t('map.value.persons', { count: m.size })), row('map.field.status', t(`teamStatus.${m.status}`)),
        ],
      };
    }
    case 'track': {
      const track = selection.record;
      const first = track.points[0];
      const last = track.points[track.points.length - 1];
      return {
        kind, title: `${track.number} ${track.name}`, subtitle: track.source, rows: [
          row('map.field.number', track.number),
          row('map.field.points', track.points.length),
          ...(first && last ? [row('map.field.period', `${trackTimeLabel(first.time)} – ${trackTimeLabel(last.time)}`)] : []),
        ],
      };
    }
    case 'trackPoint': {
      const track = selection.record;
      const p = track.points[selection.index]!;
      return {
        kind, title: `${track.number} ${track.name}`, subtitle: '', rows: [
          row('map.field.time', `${trackTimeLabel(p.time)} ${t('map.timeZone')}`, 'detail-time'),
          row('map.field.category', `${translate('zh-CN', categoryKey(p.category))} / ${translate('en', categoryKey(p.category))}`, 'detail-category'),
          row('map.field.wind', t('map.value.wind', { value: p.windMs }), 'detail-wind'),
          row('map.field.pressure', t('map.value.pressure', { value: p.pressureHpa }), 'detail-pressure'),
          row('map.field.position', formatPosition(p.lat, p.lon), 'detail-position'),
        ],
      };
    }
    case 'incident': {
      const incident = selection.record;
      return {
        kind, title: incident.title, subtitle: '', rows: [
          row('map.field.type', t(`incidentType.${incident.type}`)),
          row('map.field.level', t(`map.incidentLevel.${incident.level}`), 'detail-level'),
          row('map.field.status', t(`incidentStatus.${incident.status}`)),
          row('map.field.districtCode', incident.nodeCode),
          ...(incident.exercise ? [row('map.field.exercise', t('incidents.exerciseTag'))] : []),
        ],
      };
    }
    case 'area': {
      const area = selection.record;
      return {
        kind: area.purpose === 'risk' ? t('map.kind.risk') : kind, title: area.name, subtitle: '', rows: [
          ...(area.purpose ? [row('map.field.purpose', t(`map.purpose.${area.purpose}`), 'detail-purpose')] : []),
          row('map.field.shape', t(area.shape === 'circle' ? 'map.shape.circle' : 'map.shape.polygon')),
          row('map.field.areaKm2', t('map.value.km2', { value: area.areaKm2 }), 'detail-area'),
          ...(area.circle ? [row('map.field.radius', t('map.value.km', { value: (area.circle.radiusM / 1000).toFixed(2) }))] : []),
        ],
      };
    }
    case 'node': {
      const node = selection.record;
      return {
        kind, title: primaryName(node, locale), subtitle: secondaryName(node, locale), rows: [
          row('map.field.code', node.code),
          row('map.field.nodeLevel', t(`level.${node.level}`), 'detail-node-level'),
          ...(selection.local ? [row('map.field.thisConsole', t('map.node.local'), 'detail-local')] : []),
        ],
      };
    }
    case 'link': {
      const link = selection.record;
      const peer = selection.peerNode;
      return {
        kind, title: peer ? primaryName(peer, locale) : link.nodeCode, subtitle: link.peer, rows: [
          row('map.field.linkState', t(`sync.state.${link.state}`), 'detail-link-state'),
          row('map.field.channel', t(`channel.${link.channel}`), 'detail-channel'),
          row('map.field.relation', t(link.relation === 'parent' ? 'map.link.parent' : 'map.link.child')),
          row('map.field.rtt', link.rttMs === null ? '—' : t('map.value.ms', { value: Math.round(link.rttMs) })),
          row('map.field.outbox', link.outbox.reduce((sum, count) => sum + count, 0)),
          row('map.field.lastSeen', link.lastSeenAt ? formatTime(link.lastSeenAt) : '—'),
        ],
      };
    }
    case 'alert': {
      const alert = selection.record;
      const area = alert.areas[selection.index];
      const text = alert.texts?.find((candidate) => candidate.language.toLowerCase().startsWith(locale === 'en' ? 'en' : 'zh')) ?? alert.texts?.[0];
      return {
        kind, title: alert.event, subtitle: text?.headline ?? '', rows: [
          row('map.field.event', alert.event, 'detail-event'),
          row('map.field.severity', capLabel('severity', alert.severity, locale), 'detail-severity'),
          row('map.field.urgency', capLabel('urgency', alert.urgency, locale), 'detail-urgency'),
          row('map.field.certainty', capLabel('certainty', alert.certainty, locale), 'detail-certainty'),
          ...(area ? [row('map.field.alertArea', area.description, 'detail-alert-area')] : []),
          row('map.field.sender', alert.sender),
          row('map.field.sent', `${formatTime(alert.sent)} ${t('map.timeZone')}`),
          ...(text?.instruction ? [row('map.field.instruction', text.instruction)] : []),
          ...(alert.exercise || alert.status === 'Exercise' ? [row('map.field.exercise', t('incidents.exerciseTag'))] : []),
        ],
      };
    }
  }
}

const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** An ISO time as `YYYY-MM-DD HH:mm`, Beijing time like the rest of the console. */
function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = TIME.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
