import { useEffect, useState } from 'react';
import { startTool, type DrawnShape, type Measurement, type ToolId } from './mapTools.ts';
import type { MapHandle } from './useOlMap.ts';

/**
 * The drawing and measuring tools: one at a time, each started on the map and stopped (its
 * sketch cleared) when another is chosen, the same one is chosen again, or Esc is pressed.
 */
export function useMapTool(handle: MapHandle | null) {
  const [tool, setTool] = useState<ToolId | null>(null);
  const [measurement, setMeasurement] = useState<Measurement | null>(null);
  const [drawn, setDrawn] = useState<DrawnShape | null>(null);

  useEffect(() => {
    if (!handle || !tool) return;
    handle.overlay.setPosition(undefined);
    const stop = startTool(handle.map, tool, {
      drawn: (shape) => {
        setDrawn(shape);
        setTool(null);
      },
      measured: setMeasurement,
    });
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setTool(null);
      setMeasurement(null);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      stop();
    };
  }, [handle, tool]);

  const choose = (id: ToolId) => {
    setDrawn(null);
    setMeasurement(null);
    setTool((current) => (current === id ? null : id));
  };
  return { tool, measurement, drawn, choose, clearDrawn: () => setDrawn(null), active: tool !== null };
}
