/** Not measured yet, no layout to measure (jsdom, a hidden tab), or the ids on screen. */
export type OnScreen = 'pending' | 'unmeasurable' | ReadonlySet<string>;

/**
 * Which vertices to poll: those on screen in the graph (a collapsed chain stands for its members)
 * or in the table, plus the selected one. Before the first measurement only the selection (no
 * burst of requests for vertices that are not shown); without any layout (jsdom) all of them.
 */
export function polledVertexIds(
  all: readonly string[],
  graph: OnScreen,
  table: OnScreen,
  chains: ReadonlyMap<string, readonly string[]>,
  selected: string | undefined,
): Set<string> {
  const known = new Set(all);
  if (graph === 'unmeasurable' && table === 'unmeasurable') return known;
  const ids = new Set<string>();
  for (const seen of [graph, table]) {
    if (typeof seen === 'string') continue;
    for (const id of seen) for (const m of chains.get(id) ?? [id]) ids.add(m);
  }
  if (selected) ids.add(selected);
  return new Set([...ids].filter((id) => known.has(id)));
}
