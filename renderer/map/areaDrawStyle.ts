import type { FeatureLike } from 'ol/Feature.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style, { type StyleFunction } from 'ol/style/Style.js';
import Text from 'ol/style/Text.js';
import type { Alert } from '../../shared/domain/alert.ts';
import { SEVERITY_COLOURS, withAlpha } from './model.ts';

/** The feature property holding a drawn area's number in the composer's list. */
export const LABEL = 'areaLabel';

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const HALO = new Stroke({ color: 'rgba(5, 11, 20, 0.9)', width: 4 });

/**
 * The draft's areas on the composer's map: filled in the alert's severity colour as the
 * situation map will show them once issued; a drawn area carries its number from the list.
 */
export function drawnAreaStyle(severity: () => Alert['severity']): StyleFunction {
  return (feature: FeatureLike) => {
    const colour = SEVERITY_COLOURS[severity()];
    const label = feature.get(LABEL) as string | undefined;
    return new Style({
      fill: new Fill({ color: withAlpha(colour, label ? 0.3 : 0.18) }),
      stroke: new Stroke({ color: colour, width: label ? 3 : 2, lineDash: label ? undefined : [10, 6] }),
      ...(label ? { text: new Text({ text: label, font: `700 18px ${FONT}`, fill: new Fill({ color: '#ffffff' }), stroke: HALO, overflow: true }) } : {}),
    });
  };
}
