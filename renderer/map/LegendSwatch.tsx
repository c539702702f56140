import type { Swatch } from './model.ts';

/** A small SVG sample of how a layer or class is drawn on the map. */
export function LegendSwatch({ swatch }: { swatch: Swatch }) {
  let shape;
  switch (swatch.shape) {
    case 'area':
      shape = <rect x="2" y="4" width="18" height="14" fill={swatch.fill} stroke={swatch.stroke} strokeWidth="1.5" />;
      break;
    case 'square':
      shape = <rect x="5" y="5" width="12" height="12" fill={swatch.colour} stroke="#050b14" />;
      break;
    case 'circle':
      shape = <circle cx="11" cy="11" r="7" fill={swatch.colour} stroke="#050b14" />;
      break;
    case 'dot':
      shape = <circle cx="11" cy="11" r="5" fill={swatch.colour} stroke="#050b14" />;
      break;
    case 'triangle':
      shape = <polygon points="11,3 19,18 3,18" fill={swatch.colour} stroke="#050b14" />;
      break;
    case 'line':
      shape = <line x1="2" y1="11" x2="20" y2="11" stroke={swatch.colour} strokeWidth="2" strokeDasharray="5 3" />;
      break;
  }
  return <svg className="legend__swatch" width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">{shape}</svg>;
}
