import type { CommandNode } from '../../shared/domain/commandNode.ts';
import { primaryName } from '../i18n/display.ts';
import type { Locale } from '../i18n/messages.ts';
import { buildTree, expandableCodes, nodeMatches, normaliseQuery, visibleRows } from './commandTree.ts';

export interface NodeOption {
  code: string;
  label: string;
}

export interface NodeOptionGroup {
  label: string;
  options: NodeOption[];
}

/**
 * The command-node choices of the report form, grouped by district in tree order and
 * narrowed by the officer's filter (name in either language, or code). `keep` stays listed
 * even when filtered out, so the current choice never silently disappears from the select.
 */
export function nodeOptionGroups(nodes: readonly CommandNode[], filter: string, locale: Locale, keep?: string): NodeOptionGroup[] {
  const tree = buildTree(nodes);
  const needle = normaliseQuery(filter);
  const groups: NodeOptionGroup[] = [];
  let current: NodeOptionGroup | null = null;
  for (const row of visibleRows(tree, expandableCodes(tree))) {
    if (row.depth <= 1) {
      current = { label: primaryName(row.node, locale), options: [] };
      groups.push(current);
    }
    if (needle && !nodeMatches(row.node, needle) && row.code !== keep) continue;
    current?.options.push({ code: row.code, label: `${primaryName(row.node, locale)} · ${row.code}` });
  }
  return groups.filter((group) => group.options.length > 0);
}

/** The first selectable code in the groups, if any. */
export function firstOption(groups: readonly NodeOptionGroup[]): string | undefined {
  return groups[0]?.options[0]?.code;
}
