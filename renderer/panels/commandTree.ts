import type { CommandNode } from '../../shared/domain/commandNode.ts';
import { matchesPlace } from '../../shared/formats/placeNames.ts';

/**
 * The command network as a tree for a flat grid. AG Grid Community has no tree data, so the
 * panel shows the rows these pure functions flatten: depth for indentation, whether a row has
 * children and is expanded for its chevron, and `order` (pre-order position in the whole tree)
 * so the grid can keep parents above their children whatever rows come and go.
 */
export interface CommandTree {
  byCode: ReadonlyMap<string, CommandNode>;
  /** Children of each code, sorted by code. */
  children: ReadonlyMap<string, readonly CommandNode[]>;
  /** Nodes without a parent in the list: the city, or orphans kept visible rather than lost. */
  roots: readonly CommandNode[];
  /** Pre-order position of every code. */
  order: ReadonlyMap<string, number>;
  /** Depth of every code (roots are 0). */
  depth: ReadonlyMap<string, number>;
}

export interface TreeRow {
  code: string;
  node: CommandNode;
  depth: number;
  order: number;
  childCount: number;
  expanded: boolean;
  /** While searching: this node itself matches (others shown are its ancestors). */
  matched: boolean;
  /** While searching: shown only as the ancestor of a match. */
  context: boolean;
}

const byCode = (a: CommandNode, b: CommandNode) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export function buildTree(nodes: readonly CommandNode[]): CommandTree {
  const map = new Map<string, CommandNode>();
  for (const node of nodes) map.set(node.code, node);
  const children = new Map<string, CommandNode[]>();
  const roots: CommandNode[] = [];
  for (const node of map.values()) {
    const parent = node.parentCode;
    if (parent !== null && parent !== node.code && map.has(parent)) {
      let list = children.get(parent);
      if (!list) children.set(parent, (list = []));
      list.push(node);
    } else {
      roots.push(node);
    }
  }
  for (const list of children.values()) list.sort(byCode);
  roots.sort(byCode);

  const order = new Map<string, number>();
  const depth = new Map<string, number>();
  const walk = (node: CommandNode, level: number) => {
    if (order.has(node.code)) return; // a cycle in bad data must not hang the console
    order.set(node.code, order.size);
    depth.set(node.code, level);
    for (const child of children.get(node.code) ?? []) walk(child, level + 1);
  };
  for (const root of roots) walk(root, 0);
  // Nodes caught only in a parent cycle were never reached: show them as roots.
  for (const node of map.values()) {
    if (!order.has(node.code)) {
      roots.push(node);
      walk(node, 0);
    }
  }
  return { byCode: map, children, roots, order, depth };
}

function row(tree: CommandTree, node: CommandNode, expanded: boolean, matched = false, context = false): TreeRow {
  return {
    code: node.code,
    node,
    depth: tree.depth.get(node.code) ?? 0,
    order: tree.order.get(node.code) ?? 0,
    childCount: tree.children.get(node.code)?.length ?? 0,
    expanded,
    matched,
    context,
  };
}

/** The rows shown for an expanded set: every root, and the children of every shown, expanded row. */
export function visibleRows(tree: CommandTree, expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const walk = (node: CommandNode) => {
    if (seen.has(node.code)) return;
    seen.add(node.code);
    const open = expanded.has(node.code) && (tree.children.get(node.code)?.length ?? 0) > 0;
    rows.push(row(tree, node, open));
    if (open) for (const child of tree.children.get(node.code) ?? []) walk(child);
  };
  for (const root of tree.roots) walk(root);
  return rows;
}

/** Normalises a search query: trimmed, lower case, inner spaces ignored (officers type "浦东 新区"). */
export function normaliseQuery(query: string): string {
  return query.trim().toLowerCase().replace(/\s+/g, '');
}

/**
 * True when the node's code, Chinese or English name contains the normalised query, or its
 * pinyin does ("nanjingdonglu"), or its pinyin initials start with it ("njdl").
 */
export function nodeMatches(node: CommandNode, normalisedQuery: string): boolean {
  if (!normalisedQuery) return false;
  if (node.name.toLowerCase().replace(/\s+/g, '').includes(normalisedQuery)) return true;
  return matchesPlace(normalisedQuery, node);
}

/** Codes of a node's ancestors, nearest first. */
export function ancestorCodes(tree: CommandTree, code: string): string[] {
  const result: string[] = [];
  const seen = new Set<string>([code]);
  let parent = tree.byCode.get(code)?.parentCode ?? null;
  while (parent !== null && tree.byCode.has(parent) && !seen.has(parent)) {
    result.push(parent);
    seen.add(parent);
    parent = tree.byCode.get(parent)?.parentCode ?? null;
  }
  return result;
}

export interface SearchResult {
  rows: TreeRow[];
  /** How many nodes match themselves (ancestors shown for context are not counted). */
  matches: number;
}

/** Matching nodes plus their ancestors, in tree order, everything shown expanded. */
export function searchRows(tree: CommandTree, query: string): SearchResult {
  const needle = normaliseQuery(query);
  if (!needle) return { rows: [], matches: 0 };
  const matched = new Set<string>();
  const shown = new Set<string>();
  for (const node of tree.byCode.values()) {
    if (!nodeMatches(node, needle)) continue;
    matched.add(node.code);
    shown.add(node.code);
    for (const ancestor of ancestorCodes(tree, node.code)) shown.add(ancestor);
  }
  const rows = [...shown]
    .map((code) => tree.byCode.get(code)!)
    .map((node) => {
      const hasShownChild = (tree.children.get(node.code) ?? []).some((child) => shown.has(child.code));
      return row(tree, node, hasShownChild, matched.has(node.code), !matched.has(node.code));
    })
    .sort((a, b) => a.order - b.order);
  return { rows, matches: matched.size };
}

/** Every code that has children: what "expand all" opens. */
export function expandableCodes(tree: CommandTree): Set<string> {
  return new Set([...tree.children.keys()].filter((code) => tree.byCode.has(code)));
}

/**
 * What is open when the panel first shows, and after "collapse all": the roots, so the
 * 16 districts are always in view, plus the way down to this console's own node.
 */
export function initialExpanded(tree: CommandTree, homeCode?: string): Set<string> {
  const open = new Set(tree.roots.filter((root) => tree.children.has(root.code)).map((root) => root.code));
  if (homeCode && tree.byCode.has(homeCode)) {
    for (const ancestor of ancestorCodes(tree, homeCode)) open.add(ancestor);
  }
  return open;
}

/** Toggles one code in an expanded set, returning a new set. */
export function toggleExpanded(expanded: ReadonlySet<string>, code: string): Set<string> {
  const next = new Set(expanded);
  if (next.has(code)) next.delete(code);
  else next.add(code);
  return next;
}

/** District and street/town counts for the panel's header line. */
export function countLevels(nodes: readonly CommandNode[]): { districts: number; streets: number } {
  let districts = 0;
  let streets = 0;
  for (const node of nodes) {
    if (node.level === 'district') districts++;
    else if (node.level === 'street') streets++;
  }
  return { districts, streets };
}
