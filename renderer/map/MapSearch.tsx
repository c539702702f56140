import { useEffect, useRef, useState } from 'react';
import type { CommandNode } from '../../shared/domain/commandNode.ts';
import { primaryName } from '../i18n/display.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { useConsole } from '../state/useConsole.ts';

/** A place the map can show: a command node (its boundary, or its district's) or a point record. */
export interface PlaceHit { key: string; label: string; detail: string; node?: CommandNode; point?: { lon: number; lat: number } }

/** Search by name or code: command nodes through `nodes:search`, plus local places (depots, shelters, areas) by name. */
export function MapSearch({ localPlaces, onPick }: { localPlaces(query: string): PlaceHit[]; onPick(hit: PlaceHit): void }) {
  const { api } = useConsole();
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PlaceHit[] | null>(null);
  const latest = useRef(0);
  // The label of the place just picked: it fills the box but is not a new search (the list stays closed).
  const picked = useRef<string | null>(null);

  useEffect(() => {
    const text = query.trim();
    if (text === '' || query === picked.current) {
      setHits(null);
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      api.nodes.search({ query: text, limit: 8 }).then((nodes) => {
        if (ticket !== latest.current) return;
        const nodeHits = nodes.map((node): PlaceHit => ({ key: `node:${node.code}`, label: primaryName(node, locale), detail: `${t('map.search.node')} · ${node.code}`, node }));
        setHits([...nodeHits, ...localPlaces(text)].slice(0, 12));
      }, () => { if (ticket === latest.current) setHits(localPlaces(text)); });
    }, 150);
    return () => clearTimeout(timer);
  }, [query, api, locale, t, localPlaces]);

  const pick = (hit: PlaceHit) => {
    latest.current += 1;
    picked.current = hit.label;
    onPick(hit);
    setHits(null);
    setQuery(hit.label);
  };

  return (
    <div className="map-search">
      <input className="input map-search__input" type="search" value={query} placeholder={t('map.search.placeholder')} aria-label={t('map.search.label')}
        data-testid="map-search" onChange={(event) => { picked.current = null; setQuery(event.target.value); }}
        onKeyDown={(event) => { if (event.key === 'Enter' && hits?.[0]) pick(hits[0]); if (event.key === 'Escape') setHits(null); }} />
      {hits && (
        <ul className="map-search__results" role="listbox" data-testid="map-search-results">
          {hits.length === 0 && <li className="map-search__none">{t('map.search.none', { query: query.trim() })}</li>}
          {hits.map((hit) => (
            <li key={hit.key} role="option" aria-selected="false" className="map-search__hit" data-testid="map-search-hit" onClick={() => pick(hit)}>
              <span className="map-search__label">{hit.label}</span>
              <span className="map-search__detail">{hit.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
