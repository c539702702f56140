import { describe, expect, it } from 'vitest';
import { dragRectangle, placeCell } from './editorModel.ts';

describe('the preset editor', () => {
  it('turns a drag across displays into a spanning cell, whichever way it goes', () => {
    expect(dragRectangle('A1', 'A1')).toEqual({ display: 'A1', colSpan: 1, rowSpan: 1 });
    expect(dragRectangle('B2', 'A1')).toEqual({ display: 'A1', colSpan: 2, rowSpan: 2 });
    expect(dragRectangle('B1', 'A1')).toEqual({ display: 'A1', colSpan: 2, rowSpan: 1 });
  });

  it('replaces the cells a new cell covers and keeps the others', () => {
    const cells = [
      { display: 'A1', colSpan: 1, rowSpan: 1, route: '/map' },
      { display: 'B1', colSpan: 1, rowSpan: 1, route: '/sync' },
      { display: 'A2', colSpan: 2, rowSpan: 1, route: '/incidents' },
    ];
    const next = placeCell(cells, { display: 'A1', colSpan: 1, rowSpan: 2, route: '/board/stock' });
    expect(next.map((cell) => cell.route)).toEqual(['/sync', '/board/stock']);
  });
});
