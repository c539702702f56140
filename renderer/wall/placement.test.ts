import { describe, expect, it } from 'vitest';
import { CITY_HALL } from '../../shared/wall/builtInPresets.ts';
import { placeDisplays, windowFeatures } from './placement.ts';

const screen = (left: number, top: number, label?: string) => ({ availLeft: left, availTop: top, availWidth: 1920, availHeight: 1080, ...(label ? { label } : {}) });

describe('placing wall windows on screens', () => {
  it('matches displays to screens in reading order', () => {
    const placed = placeDisplays(CITY_HALL.displays!, [screen(1920, 1080), screen(0, 0), screen(0, 1080), screen(1920, 0)]);
    expect(placed.get('A1')).toMatchObject({ availLeft: 0, availTop: 0 });
    expect(placed.get('B1')).toMatchObject({ availLeft: 1920, availTop: 0 });
    expect(placed.get('A2')).toMatchObject({ availLeft: 0, availTop: 1080 });
    expect(placed.get('B2')).toMatchObject({ availLeft: 1920, availTop: 1080 });
    expect(windowFeatures(placed.get('B2')!)).toBe('popup,left=1920,top=1080,width=1920,height=1080');
  });

  it('prefers a screen labelled like the display, and leaves displays without a screen unplaced', () => {
    const placed = placeDisplays(CITY_HALL.displays!, [screen(0, 0), screen(5000, 0, 'A1')]);
    expect(placed.get('A1')).toMatchObject({ availLeft: 5000 });
    expect(placed.get('B1')).toMatchObject({ availLeft: 0 });
    expect(placed.has('A2')).toBe(false);
  });
});
