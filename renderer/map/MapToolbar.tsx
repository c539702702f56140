import type { BasemapInfo } from '../../shared/map/basemap.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { MapSearch, type PlaceHit } from './MapSearch.tsx';
import type { ToolId } from './mapTools.ts';

const TOOLS: readonly ToolId[] = ['drawPolygon', 'drawCircle', 'measureLength', 'measureArea'];

/** The bar over the map's top edge: search, the drawing and measuring tools, the base map and imports. */
export function MapToolbar({ tool, onTool, basemap, basemaps, onBasemap, onImport, localPlaces, onPick }: {
  tool: ToolId | null;
  onTool(id: ToolId): void;
  basemap: string;
  basemaps: BasemapInfo[] | undefined;
  onBasemap(id: string): void;
  onImport(): void;
  localPlaces(query: string): PlaceHit[];
  onPick(hit: PlaceHit): void;
}) {
  const { t } = useI18n();
  return (
    <div className="map-tools" data-testid="map-tools">
      <MapSearch localPlaces={localPlaces} onPick={onPick} />
      <div className="map-tools__group" role="group">
        {TOOLS.map((id) => (
          <button key={id} type="button" className={`button button--small${tool === id ? ' button--active' : ''}`} aria-pressed={tool === id}
            data-testid={`map-tool-${id}`} onClick={() => onTool(id)}>
            {t(`map.tool.${id}`)}
          </button>
        ))}
      </div>
      <label className="map-zoom">
        <span className="map-zoom__label">{t('map.basemap.label')}</span>
        <select className="input map-tools__select" value={basemap} data-testid="map-basemap" onChange={(event) => onBasemap(event.target.value)}>
          <option value="">{t('map.basemap.none')}</option>
          {(basemaps ?? []).map((info) => (
            <option key={info.id} value={info.id}>{t(info.kind === 'online' ? 'map.basemap.online' : 'map.basemap.mbtiles', { name: info.name })}</option>
          ))}
        </select>
      </label>
      <button type="button" className="button button--small" data-testid="map-import" onClick={onImport}>{t('map.import.button')}</button>
    </div>
  );
}
