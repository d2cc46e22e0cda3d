import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { DagGraph } from './dag-graph';
import { READABLE_ZOOM } from './frame';
import { layoutLeftToRight } from './layout';
import type { DagEdge, DagNode } from './types';
import { collapseChains, findChains, fullView, neighbourhood } from './view-model';

// xyflow measures the DOM; jsdom has no layout, so give it the few APIs it needs.
beforeAll(() => {
  class ResizeObserverStub {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      this.callback([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver);
    }
    unobserve() {}
    disconnect() {}
  }
  class DOMMatrixReadOnlyStub {
    m22: number;
    constructor(transform?: string) {
      const scale = transform?.match(/scale\(([\d.]+)\)/)?.[1];
      this.m22 = scale === undefined ? 1 : Number(scale);
    }
  }
  vi.stubGlobal('ResizeObserver', ResizeObserverStub);
  vi.stubGlobal('DOMMatrixReadOnly', DOMMatrixReadOnlyStub);
  Object.defineProperties(HTMLElement.prototype, {
    offsetHeight: {
      configurable: true,
      get(): number {
        // xyflow's pane is 100 % of the canvas: follow percentages up to a sized parent
        const el = this as HTMLElement;
        if (el.style.height.endsWith('%')) return el.parentElement?.offsetHeight ?? 500;
        return parseFloat(el.style.height) || 500;
      },
    },
    offsetWidth: {
      configurable: true,
      get(): number {
        const el = this as HTMLElement;
        if (el.style.width.endsWith('%')) return el.parentElement?.offsetWidth ?? 800;
        return parseFloat(el.style.width) || 800;
      },
    },
  });
  (SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () =>
    ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;
});

const small: DagNode[] = [
  { id: 'src', title: 'Source: Kafka orders', parallelism: 4, status: 'RUNNING', tone: 'ok' },
  {
    id: 'map',
    title: 'Map → Filter',
    parallelism: 4,
    tone: 'busy',
    fill: 0.9,
    metrics: [{ label: 'busy', value: '90 %' }],
  },
  { id: 'agg', title: 'Window aggregate', parallelism: 2, tone: 'backpressured', fill: 0.5 },
  { id: 'sink', title: 'Sink: Postgres', parallelism: 1, tone: 'idle' },
];
const smallEdges: DagEdge[] = [
  { source: 'src', target: 'map', label: 'FORWARD' },
  { source: 'map', target: 'agg', label: 'HASH' },
  { source: 'agg', target: 'sink', label: 'REBALANCE' },
];

function graphNodes() {
  return screen.getAllByTestId('dag-node');
}

// xyflow renders a large DOM and jsdom is slow with it: allow time on a busy CI machine.
describe('DagGraph', { timeout: 30_000 }, () => {
  it('renders operators with name, parallelism and status, and reports clicks', () => {
    const onSelect = vi.fn();
    render(<DagGraph nodes={small} edges={smallEdges} selectedId="agg" onSelect={onSelect} />);
    expect(graphNodes()).toHaveLength(4);
    expect(screen.getByTitle('Source: Kafka orders')).toBeInTheDocument();
    expect(screen.getAllByTitle('Parallelism 4')).toHaveLength(2);
    expect(screen.getByText('RUNNING')).toBeInTheDocument();
    expect(screen.getByLabelText('Window aggregate')).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(screen.getByLabelText('Sink: Postgres'));
    expect(onSelect).toHaveBeenCalledWith('sink');
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText('Legend')).toHaveTextContent('Back-pressured');
  });

  it('opens a plan too wide for the canvas at a readable zoom, with the minimap and a pan hint', async () => {
    const nodes: DagNode[] = Array.from({ length: 8 }, (_, i) => ({ id: `v${i}`, title: `Vertex ${i}` }));
    const edges: DagEdge[] = nodes.slice(1).map((v, i) => ({ source: `v${i}`, target: v.id }));
    const { container } = render(<DagGraph nodes={nodes} edges={edges} height={420} />);
    expect(await screen.findByTestId('graph-pan-hint')).toHaveTextContent('drag to pan');
    const viewport = container.querySelector<HTMLElement>('.react-flow__viewport');
    const zoom = Number(viewport?.style.transform.match(/scale\(([\d.]+)\)/)?.[1]);
    expect(zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(container.querySelector('.react-flow__minimap')).not.toBeNull();
  });

  it('fits a small plan whole, without a pan hint or a minimap', async () => {
    const { container } = render(<DagGraph nodes={small.slice(0, 2)} edges={smallEdges.slice(0, 1)} />);
    await screen.findAllByTestId('dag-node');
    expect(screen.queryByTestId('graph-pan-hint')).toBeNull();
    expect(container.querySelector('.react-flow__minimap')).toBeNull();
  });

  it('selects an operator when its box is clicked outside the button', () => {
    const onSelect = vi.fn();
    render(<DagGraph nodes={small} edges={smallEdges} onSelect={onSelect} />);
    const box = graphNodes().find((n) => n.dataset.nodeId === 'map') as HTMLElement;
    fireEvent.click(box);
    expect(onSelect).toHaveBeenCalledWith('map');
    expect(onSelect).toHaveBeenCalledTimes(1);
  });

  it('dims the operators that do not match the search', () => {
    render(<DagGraph nodes={small} edges={smallEdges} />);
    fireEvent.change(screen.getByLabelText('Find operator'), { target: { value: 'sink' } });
    const dimmed = Object.fromEntries(graphNodes().map((n) => [n.dataset.nodeId, n.dataset.dimmed]));
    expect(dimmed).toEqual({ src: 'true', map: 'true', agg: 'true', sink: 'false' });
    expect(screen.getByRole('status')).toHaveTextContent('1 match');
    fireEvent.change(screen.getByLabelText('Find operator'), { target: { value: '' } });
    expect(graphNodes().every((n) => n.dataset.dimmed === 'false')).toBe(true);
  });

  it('collapses chains of a big graph into expandable groups', () => {
    // 10 pipelines of 8 operators fanning out of one source into one sink: 82 vertices.
    const nodes: DagNode[] = [
      { id: 's', title: 'source' },
      { id: 't', title: 'sink' },
    ];
    const edges: DagEdge[] = [];
    for (let p = 0; p < 10; p++) {
      for (let i = 0; i < 8; i++) {
        nodes.push({
          id: `p${p}-${i}`,
          title: `pipe ${p} step ${i}`,
          tone: i === 3 && p === 0 ? 'failed' : 'ok',
        });
        edges.push({ source: i === 0 ? 's' : `p${p}-${i - 1}`, target: `p${p}-${i}` });
      }
      edges.push({ source: `p${p}-7`, target: 't' });
    }
    render(<DagGraph nodes={nodes} edges={edges} />);
    expect(screen.getByLabelText('Focus mode')).toHaveValue('chains');
    expect(graphNodes()).toHaveLength(12);
    const failed = graphNodes().find((n) => n.dataset.nodeId === 'chain:p0-0');
    expect(failed?.dataset.tone).toBe('failed');

    fireEvent.click(screen.getAllByLabelText('Chain of 8 operators')[0] as HTMLElement);
    expect(graphNodes()).toHaveLength(19);
    fireEvent.click(screen.getByText('Collapse 1 expanded'));
    expect(graphNodes()).toHaveLength(12);

    fireEvent.change(screen.getByLabelText('Focus mode'), { target: { value: 'all' } });
    expect(graphNodes()).toHaveLength(82);
  });

  it('shows only the neighbourhood of the selected operator', () => {
    const nodes: DagNode[] = Array.from({ length: 70 }, (_, i) => ({ id: `n${i}`, title: `op ${i}` }));
    const edges: DagEdge[] = nodes.slice(1).map((n, i) => ({ source: `n${i}`, target: n.id }));
    render(<DagGraph nodes={nodes} edges={edges} selectedId="n30" defaultFocusMode="neighbourhood" />);
    expect(graphNodes().map((n) => n.dataset.nodeId)).toEqual(['n28', 'n29', 'n30', 'n31', 'n32']);
  });
});

describe('graph model', () => {
  it('finds maximal linear runs and keeps fan-in and fan-out points at their ends', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => ({ id, title: id }));
    // a → b → c → d, d → e and d → f (fan-out), e → g, f → g (fan-in)
    const edges = [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['d', 'f'],
      ['e', 'g'],
      ['f', 'g'],
    ].map(([source, target]) => ({ source: source as string, target: target as string }));
    expect(findChains(nodes, edges)).toEqual([['a', 'b', 'c', 'd']]);
    const view = collapseChains(nodes, edges);
    expect(view.nodes.map((n) => n.id)).toEqual(['chain:a', 'e', 'f', 'g']);
    expect(view.edges.map((e) => e.id).sort()).toEqual(['chain:a->e', 'chain:a->f', 'e->g', 'f->g']);
    expect(collapseChains(nodes, edges, new Set(['chain:a'])).nodes).toHaveLength(7);
  });

  it('merges parallel links and their ship strategies into one edge', () => {
    const nodes = [
      { id: 'a', title: 'a' },
      { id: 'b', title: 'b' },
    ];
    const view = fullView(nodes, [
      { source: 'a', target: 'b', label: 'HASH' },
      { source: 'a', target: 'b', label: 'FORWARD' },
    ]);
    expect(view.edges).toEqual([{ id: 'a->b', source: 'a', target: 'b', label: 'HASH / FORWARD' }]);
  });

  it('collects ancestors and descendants but not siblings', () => {
    const edges = [
      { source: 'a', target: 'b' },
      { source: 'x', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'a', target: 'y' },
    ];
    expect([...neighbourhood(edges, 'b', 1)].sort()).toEqual(['a', 'b', 'c', 'x']);
  });

  it('lays out 300 vertices left to right (and logs how long dagre takes)', () => {
    const nodes: DagNode[] = Array.from({ length: 300 }, (_, i) => ({ id: `n${i}`, title: `op ${i}` }));
    const edges: DagEdge[] = [];
    for (let i = 1; i < 300; i++) edges.push({ source: `n${Math.floor((i - 1) / 3)}`, target: `n${i}` });
    const started = performance.now();
    const positions = layoutLeftToRight(fullView(nodes, edges));
    console.info(`dagre layout of 300 vertices: ${(performance.now() - started).toFixed(0)} ms`);
    for (const e of edges) {
      expect((positions.get(e.target)?.x ?? 0) > (positions.get(e.source)?.x ?? 0)).toBe(true);
    }
  });
});
