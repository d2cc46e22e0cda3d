// The tests are type-checked by tsconfig.node.json, which does not include src/types: reference it here.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../types/d3-flame-graph.d.ts" />
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { FlameFrame, FlameGraphChart, FlameTooltip } from 'd3-flame-graph';
import { formatCount, formatPercent } from '@/lib/format';
import { frameMatches, isOffCpuName, offCpuColor, type PreparedTree } from './utils/flame-tree';
import './flame-graph.css';

/** Frames narrower than this (px) are not drawn: a 50,000-frame graph stays a few hundred elements. */
export const MIN_FRAME_PX = 1.5;
const CELL_HEIGHT = 18;
const TRANSITION_MS = 300;

/** Styles an exported SVG file needs (the page's stylesheet does not travel with it). */
export const EXPORT_CSS = [
  '.d3-flame-graph rect{stroke:#fff;stroke-width:.5;fill-opacity:.9}',
  '.d3-flame-graph .fade{opacity:.45}',
  '.d3-flame-graph-label{white-space:nowrap;text-overflow:ellipsis;overflow:hidden;font-size:11px;font-family:ui-monospace,Menlo,Consolas,monospace;margin:0 4px;line-height:18px;color:#0f172a}',
].join('\n');

export interface FlameChartHandle {
  resetZoom(): void;
  svg(): SVGSVGElement | null;
}

type Lib = {
  flamegraph: () => FlameGraphChart;
  select: (el: Element) => { datum(d: unknown): { call(fn: (s: unknown) => void): unknown } };
};

/**
 * The library is loaded on first use (dynamic import), so it only arrives with this tab. Loading
 * twice is harmless: the module system caches it.
 */
function loadLib(): Promise<Lib> {
  return Promise.all([import('d3-flame-graph'), import('d3-selection')]).then(([fg, sel]) => ({
    flamegraph: fg.default,
    select: sel.select as unknown as Lib['select'],
  }));
}

/**
 * Our own tooltip: d3-flame-graph's default one can render HTML; this one only sets text
 * (frame names come from the cluster and are never trusted as markup).
 */
function textTooltip(container: HTMLElement, total: number, offCpuAll: boolean): FlameTooltip {
  let el: HTMLDivElement | null = null;
  const init = () => {
    el = document.createElement('div');
    el.className = 'sd-flame-tip';
    el.setAttribute('role', 'tooltip');
    el.setAttribute('data-testid', 'flame-tooltip');
    el.style.display = 'none';
    container.appendChild(el);
  };
  const tip: FlameTooltip = Object.assign(init, {
    show(event: MouseEvent, d: FlameFrame) {
      if (!el) return tip;
      const name = document.createElement('div');
      name.className = 'sd-flame-tip-name';
      name.textContent = d.data.name;
      const meta = document.createElement('div');
      meta.className = 'sd-flame-tip-meta';
      const samples = d.data.value;
      const offCpu = offCpuAll || isOffCpuName(d.data.name);
      meta.textContent = `${formatCount(samples)} ${samples === 1 ? 'sample' : 'samples'} · ${formatPercent(
        total > 0 ? samples / total : undefined,
        1,
      )} of total${offCpu ? ' · off-CPU' : ''}`;
      el.replaceChildren(name, meta);
      el.style.display = 'block';
      const box = container.getBoundingClientRect();
      const x = event.clientX - box.left;
      const y = event.clientY - box.top;
      const width = el.offsetWidth;
      el.style.left = `${Math.max(4, x + 14 + width > box.width ? x - width - 10 : x + 14)}px`;
      el.style.top = `${Math.max(4, y + 16)}px`;
      return tip;
    },
    hide() {
      if (el) el.style.display = 'none';
      return tip;
    },
    destroy() {
      el?.remove();
      el = null;
    },
  });
  return tip;
}

export interface FlameChartProps {
  tree: PreparedTree;
  /** OFF_CPU graphs: every frame is off-CPU. */
  offCpuAll: boolean;
  search: string;
  /** Called with the frame the user zoomed into (undefined = the whole graph). */
  onZoom?: (frame: { name: string; depth: number } | undefined) => void;
}

/**
 * d3-flame-graph in a React component: click a frame to zoom into it, `resetZoom()` to go back;
 * search terms highlight matching frames; the width follows the container.
 */
export const FlameChart = forwardRef<FlameChartHandle, FlameChartProps>(function FlameChart(
  { tree, offCpuAll, search, onZoom },
  ref,
) {
  const box = useRef<HTMLDivElement | null>(null);
  const host = useRef<HTMLDivElement | null>(null);
  const chart = useRef<FlameGraphChart | null>(null);
  const onZoomRef = useRef(onZoom);
  const [lib, setLib] = useState<Lib | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    onZoomRef.current = onZoom;
  });

  useEffect(() => {
    let live = true;
    loadLib().then(
      (l) => live && setLib(l),
      (e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      resetZoom: () => chart.current?.resetZoom(),
      svg: () => host.current?.querySelector('svg') ?? null,
    }),
    [],
  );

  // Draw (again) when the library, the tree or the colouring changes.
  useEffect(() => {
    const el = host.current;
    const container = box.current;
    if (!lib || !el || !container) return;
    const width = Math.max(320, Math.floor(el.clientWidth || container.clientWidth || 960));
    const c = lib
      .flamegraph()
      .width(width)
      .cellHeight(CELL_HEIGHT)
      .transitionDuration(TRANSITION_MS)
      .minFrameSize(MIN_FRAME_PX)
      .minHeight(CELL_HEIGHT * 4)
      .tooltip(textTooltip(container, tree.total, offCpuAll))
      .setColorMapper((d, original) => {
        if (d.highlight) return original;
        return offCpuAll || isOffCpuName(d.data.name) ? offCpuColor(d.data.name) : original;
      })
      .setSearchMatch((d, term) => frameMatches(d.data.name, term))
      .onClick((d) => onZoomRef.current?.(d.depth > 0 ? { name: d.data.name, depth: d.depth } : undefined));
    lib.select(el).datum(tree.root).call(c);
    chart.current = c;

    let lastWidth = width;
    const resize =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver(() => {
            const w = Math.max(320, Math.floor(el.clientWidth));
            if (Math.abs(w - lastWidth) < 2) return;
            lastWidth = w;
            c.width(w).update();
          });
    resize?.observe(el);
    return () => {
      resize?.disconnect();
      c.destroy();
      chart.current = null;
      el.replaceChildren();
    };
  }, [lib, tree, offCpuAll]);

  // Highlight search matches (also after every redraw; the counts come from the page).
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    if (search.trim()) c.search(search);
    else c.clear();
  }, [search, lib, tree, offCpuAll]);

  return (
    <div ref={box} className="sd-flame relative" data-testid="flame-chart" data-nodes={tree.nodes}>
      {loadError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          The flame graph library did not load: {loadError}
        </p>
      ) : !lib ? (
        <p className="text-sm text-slate-500">Loading the flame graph…</p>
      ) : null}
      <div ref={host} className="w-full overflow-hidden" data-testid="flame-svg-host" />
    </div>
  );
});
