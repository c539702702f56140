import { describe, expect, it } from 'vitest';
import { ALL_VISIBLE } from './model.ts';
import { EDGE_PADDING, fitPadding, measureInsets, visibilityOf } from './mapView.ts';

const box = (top: number, height: number) => ({ top, bottom: top + height, height, left: 0, right: 100, width: 100, x: 0, y: top, toJSON: () => ({}) }) as DOMRect;

describe('fitting the map', () => {
  it('keeps a fitted extent clear of the tool bar and the hint', () => {
    const padding = fitPadding({ top: 90, bottom: 50 });
    expect(padding[0]).toBe(90 + EDGE_PADDING / 2);
    expect(padding[2]).toBe(50 + EDGE_PADDING / 2);
    expect(padding[1]).toBe(EDGE_PADDING);
    expect(fitPadding({ top: 0, bottom: 0 })).toEqual([EDGE_PADDING, EDGE_PADDING, EDGE_PADDING, EDGE_PADDING]);
  });

  it('measures overlays from their boxes and never gives away more than a third of the map', () => {
    const map = box(100, 600);
    expect(measureInsets(map, { top: [box(110, 80)], bottom: [box(640, 40)] })).toEqual({ top: 90, bottom: 60 });
    expect(measureInsets(map, { top: [box(100, 500)], bottom: [undefined, box(0, 0)] })).toEqual({ top: 200, bottom: 0 });
  });
});

describe('layers given from outside', () => {
  it('shows the named layers only, ignores unknown names and shows all for none', () => {
    const visible = visibilityOf(['incidents', 'tracks', 'nonsense']);
    expect(visible.incidents).toBe(true);
    expect(visible.tracks).toBe(true);
    expect(visible.depots).toBe(false);
    expect(visibilityOf(undefined)).toEqual(ALL_VISIBLE);
    expect(visibilityOf([])).toEqual(ALL_VISIBLE);
  });
});
