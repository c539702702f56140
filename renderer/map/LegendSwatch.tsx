import { useI18n } from '../i18n/useI18n.ts';
import type { Swatch } from './model.ts';

const polygon = (points: number, radius: number, rotation: number, inner?: number) =>
  Array.from({ length: points * (inner ? 2 : 1) }, (_, i) => {
    const r = inner && i % 2 === 1 ? inner : radius;
    const angle = rotation + (i * Math.PI * 2) / (points * (inner ? 2 : 1));
    return `${(11 + r * Math.sin(angle)).toFixed(1)},${(11 - r * Math.cos(angle)).toFixed(1)}`;
  }).join(' ');

/** A small SVG sample of how a layer or class is drawn on the map. */
export function LegendSwatch({ swatch }: { swatch: Swatch }) {
  const { t } = useI18n();
  let shape;
  switch (swatch.shape) {
    case 'area':
      shape = <rect x="2" y="4" width="18" height="14" fill={swatch.fill} stroke={swatch.stroke} strokeWidth="1.5" />;
      break;
    case 'hatch':
      shape = (
        <>
          <defs>
            <pattern id="legend-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1="0" y1="0" x2="0" y2="5" stroke={swatch.colour} strokeWidth="2" />
            </pattern>
          </defs>
          <rect x="2" y="4" width="18" height="14" fill="url(#legend-hatch)" stroke={swatch.colour} strokeWidth="1.5" />
        </>
      );
      break;
    case 'square':
      shape = <rect x="5" y="5" width="12" height="12" fill={swatch.colour} stroke="#050b14" />;
      break;
    case 'circle':
      shape = <circle cx="11" cy="11" r="7" fill={swatch.colour} stroke="#050b14" />;
      break;
    case 'ring':
      shape = <circle cx="11" cy="11" r="7" fill="none" stroke={swatch.colour} strokeWidth="2.5" />;
      break;
    case 'dot':
      shape = <circle cx="11" cy="11" r="5" fill={swatch.colour} stroke="#050b14" />;
      break;
    case 'triangle':
      shape = <polygon points="11,3 19,18 3,18" fill={swatch.colour} stroke="#050b14" />;
      break;
    case 'star':
      shape = <polygon points={polygon(5, 9, 0, 4)} fill={swatch.colour} stroke="#050b14" />;
      break;
    case 'hexagon':
      shape = <polygon points={polygon(6, 7.5, 0)} fill={swatch.colour} stroke="#050b14" />;
      break;
    case 'glyph':
      shape = (
        <>
          <circle cx="11" cy="11" r="9.5" fill={swatch.colour} stroke="#8aa0b8" />
          <text x="11" y="15" textAnchor="middle" fontSize="11" fontWeight="700" fill={swatch.text}>{t(swatch.glyph)}</text>
        </>
      );
      break;
    case 'line':
      shape = <line x1="2" y1="11" x2="20" y2="11" stroke={swatch.colour} strokeWidth={swatch.solid ? 3 : 2} strokeDasharray={swatch.solid ? undefined : '5 3'} />;
      break;
  }
  return <svg className="legend__swatch" width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">{shape}</svg>;
}
