import { shelterCapacity } from '../../shared/domain/resources.ts';
import { primaryName, secondaryName } from '../i18n/display.ts';
import { translate, type Locale, type MessageKey } from '../i18n/messages.ts';
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
          row('map.field.position', `${p.lat.toFixed(1)}°N ${p.lon.toFixed(1)}°E`),
        ],
      };
    }
    case 'incident': {
      const incident = selection.record;
      return {
        kind, title: incident.title, subtitle: '', rows: [
          row('map.field.type', t(`incidentType.${incident.type}`)),
          row('map.field.level', t(`map.incidentLevel.${incident.level}`), 'detail-level'),
          row('map.field.status', incident.status),
          row('map.field.districtCode', incident.nodeCode),
          ...(incident.exercise ? [row('map.field.exercise', t('incidents.exerciseTag'))] : []),
        ],
      };
    }
    case 'area': {
      const area = selection.record;
      return {
        kind, title: area.name, subtitle: '', rows: [
          row('map.field.shape', t(area.shape === 'circle' ? 'map.shape.circle' : 'map.shape.polygon')),
          row('map.field.areaKm2', t('map.value.km2', { value: area.areaKm2 }), 'detail-area'),
          ...(area.circle ? [row('map.field.radius', t('map.value.km', { value: (area.circle.radiusM / 1000).toFixed(2) }))] : []),
        ],
      };
    }
  }
}
