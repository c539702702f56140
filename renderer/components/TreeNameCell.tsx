import type { CustomCellRendererProps } from 'ag-grid-react';
import { useI18n } from '../i18n/useI18n.ts';
import type { TreeRow } from '../panels/commandTree.ts';

export interface TreeNameCellParams {
  onToggle(code: string): void;
  homeCode?: string;
}

const INDENT_PX = 28;

/** The name cell of the command tree: indentation by depth and an expand/collapse chevron. */
export function TreeNameCell(props: CustomCellRendererProps<TreeRow, string> & TreeNameCellParams) {
  const { t } = useI18n();
  const row = props.data;
  if (!row) return null;
  const name = props.value ?? row.node.name;
  const searching = row.matched || row.context;
  return (
    <span className="tree-name" style={{ paddingLeft: row.depth * INDENT_PX }}>
      {row.childCount > 0 ? (
        <button
          type="button"
          className={`tree-chevron${row.expanded ? ' tree-chevron--open' : ''}`}
          aria-expanded={row.expanded}
          aria-label={t(row.expanded ? 'tree.collapse' : 'tree.expand', { name })}
          title={t(row.expanded ? 'tree.collapse' : 'tree.expand', { name })}
          data-testid={`toggle-${row.code}`}
          disabled={searching}
          onClick={(event) => {
            event.stopPropagation();
            props.onToggle(row.code);
          }}
        />
      ) : (
        <span className="tree-chevron-spacer" aria-hidden="true" />
      )}
      <span className={`tree-label tree-label--${row.node.level}`}>{name}</span>
      {row.childCount > 0 && <span className="tree-count">{row.childCount}</span>}
      {props.homeCode === row.code && <span className="tree-home">{t('tree.home')}</span>}
    </span>
  );
}
