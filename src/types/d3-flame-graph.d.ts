/**
 * Types for d3-flame-graph 5 (the package ships none): only the default export and the parts of
 * its chart API this app uses.
 */
declare module 'd3-flame-graph' {
  /** A frame of the input tree; the chart adds `fade`/`hide` flags while zooming. */
  export interface FlameDatum {
    name: string;
    value: number;
    children?: FlameDatum[] | undefined;
    fade?: boolean;
    hide?: boolean;
  }

  /** A d3-hierarchy node of the chart (partitioned: x0/x1 are shares of the width). */
  export interface FlameFrame {
    data: FlameDatum;
    /** Samples shown (after zoom: of the visible part). */
    value: number;
    depth: number;
    x0: number;
    x1: number;
    id: number;
    highlight?: boolean;
    parent: FlameFrame | null;
    children?: FlameFrame[];
    originalValue?: number;
  }

  /** A tooltip: called once with the chart's svg selection, then `show`/`hide` per frame. */
  export interface FlameTooltip {
    (selection: unknown): void;
    show(event: MouseEvent, d: FlameFrame): FlameTooltip;
    hide(): FlameTooltip;
    destroy?(): void;
  }

  export interface FlameGraphChart {
    (selection: unknown): void;
    width(w: number): FlameGraphChart;
    width(): number;
    height(h: number | null): FlameGraphChart;
    minHeight(h: number): FlameGraphChart;
    cellHeight(h: number): FlameGraphChart;
    tooltip(tip: FlameTooltip): FlameGraphChart;
    title(title: string): FlameGraphChart;
    transitionDuration(ms: number): FlameGraphChart;
    sort(sort: boolean | ((a: FlameFrame, b: FlameFrame) => number)): FlameGraphChart;
    inverted(inverted: boolean): FlameGraphChart;
    minFrameSize(px: number): FlameGraphChart;
    selfValue(self: boolean): FlameGraphChart;
    setColorMapper(mapper: (d: FlameFrame, originalColor: string) => string): FlameGraphChart;
    setSearchMatch(match: (d: FlameFrame, term: string, ignoreCase?: boolean) => boolean): FlameGraphChart;
    setSearchHandler(handler: (results: FlameFrame[], sum: number, total: number) => void): FlameGraphChart;
    setDetailsHandler(handler: (label: string | null) => void): FlameGraphChart;
    onClick(handler: (d: FlameFrame) => void): FlameGraphChart;
    search(term: string): void;
    clear(): void;
    resetZoom(): void;
    update(data?: FlameDatum): FlameGraphChart;
    destroy(): FlameGraphChart;
  }

  export default function flamegraph(): FlameGraphChart;
}
