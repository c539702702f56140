import { useEffect } from 'react';
import type { BasemapInfo } from '../../shared/map/basemap.ts';
import { createBasemapLayer } from './basemapLayer.ts';
import type { MapHandle } from './useOlMap.ts';

/** The chosen base map under every layer; an id no longer registered draws nothing. */
export function useBasemapLayer(handle: MapHandle | null, basemap: string, basemaps: BasemapInfo[] | undefined): void {
  useEffect(() => {
    if (!handle) return;
    const { map, basemapRef } = handle;
    if (basemapRef.current) map.removeLayer(basemapRef.current);
    basemapRef.current = null;
    const info = basemaps?.find((candidate) => candidate.id === basemap);
    if (info) {
      basemapRef.current = createBasemapLayer(info);
      map.addLayer(basemapRef.current);
    }
  }, [handle, basemap, basemaps]);
}
