import { useMemo, useState } from 'react';
import type { NetworkNodeRow } from '../../../shared/network/view.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { isProblem } from './networkRows.ts';

interface Props {
  rows: NetworkNodeRow[];
  selected: string | null;
  onSelect(code: string): void;
}

/**
 * The network as a tree of coloured dots: the city, its districts, and the streets and sites of
 * the districts opened. A district with a problem below it shows it on its own line, folded or not.
 */
export function NetworkTree({ rows, selected, onSelect }: Props) {
  const { t, locale } = useI18n();
  const [opened, setOpened] = useState<Set<string>>(new Set());
  const childrenOf = useMemo(() => {
    const map = new Map<string, NetworkNodeRow[]>();
    for (const row of rows) if (row.parentCode) map.set(row.parentCode, [...(map.get(row.parentCode) ?? []), row]);
    return map;
  }, [rows]);
  const troubleBelow = useMemo(() => {
    const counts = new Map<string, number>();
    const parentOf = new Map(rows.map((row) => [row.code, row.parentCode]));
    for (const row of rows) {
      if (!isProblem(row)) continue;
      for (let up = row.parentCode; up; up = parentOf.get(up) ?? null) counts.set(up, (counts.get(up) ?? 0) + 1);
    }
    return counts;
  }, [rows]);
  const shown = rows.filter((row) => row.depth <= 1 || (row.parentCode !== null && isOpen(row.parentCode)));
  function isOpen(code: string): boolean {
    const parent = rows.find((row) => row.code === code);
    return opened.has(code) && (!parent?.parentCode || parent.depth <= 1 || isOpen(parent.parentCode));
  }
  const toggle = (code: string) => setOpened((previous) => {
    const next = new Set(previous);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    return next;
  });

  return (
    <ul className="network-tree" role="tree" aria-label={t('network.tree')} data-testid="network-tree">
      {shown.map((row) => {
        const folds = (childrenOf.get(row.code)?.length ?? 0) > 0 && row.depth >= 1;
        const below = troubleBelow.get(row.code) ?? 0;
        return (
          <li key={row.code} role="treeitem" aria-selected={selected === row.code} aria-expanded={folds ? opened.has(row.code) : undefined}
            className={`network-tree__item${selected === row.code ? ' network-tree__item--selected' : ''}${row.reachable ? '' : ' network-tree__item--cut'}`}
            style={{ paddingLeft: `${row.depth * 1.2 + 0.3}em` }} data-code={row.code} data-state={row.state}>
            {folds ? (
              <button type="button" className="network-tree__fold" onClick={() => toggle(row.code)} aria-label={row.name}>{opened.has(row.code) ? '▾' : '▸'}</button>
            ) : <span className="network-tree__fold" />}
            <button type="button" className="network-tree__node" onClick={() => onSelect(row.code)}>
              <span className={`network-dot network-dot--${row.state}`} aria-hidden="true" />
              <span className="network-tree__name">{locale === 'en' && row.nameEn ? row.nameEn : row.name}</span>
              <span className={`network-tree__state network-tree__state--${row.state}`}>{t(`network.state.${row.state}`)}</span>
              {below > 0 && !opened.has(row.code) && <span className="network-tree__below">⚠ {below}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
