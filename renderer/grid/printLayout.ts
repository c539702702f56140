import type { GridApi } from 'ag-grid-community';

/**
 * Grids draw only the rows in view; on paper every row must be there. Each grid registers
 * here, and while the browser prints they switch to AG Grid's print layout (all rows, no
 * scrolling), then back.
 */
const grids = new Set<GridApi>();
let listening = false;

function setLayout(layout: 'print' | 'normal'): void {
  for (const api of grids) if (!api.isDestroyed()) api.setGridOption('domLayout', layout);
}

/** Includes a grid in printouts; returns the function that removes it. */
export function printWithAllRows(api: GridApi): () => void {
  grids.add(api);
  if (!listening && typeof window !== 'undefined') {
    listening = true;
    window.addEventListener('beforeprint', () => setLayout('print'));
    window.addEventListener('afterprint', () => setLayout('normal'));
  }
  return () => { grids.delete(api); };
}
