import { describe, expect, it } from 'vitest';
import type { FlameGraphNode } from '@/api/flink/schemas';
import { frameMatches, isOffCpuName, offCpuColor, prepareTree, searchTree } from './flame-tree';
import { defaultVertex, flameStatus, flameTypeFromParam, paramFromFlameType } from './params';
import { safeFileName, svgMarkup } from './export';

import offCpu from '../../../../e2e/fixtures/flink/2.2/jobs__jobid__vertices__vertexid__flamegraph--off_cpu.json';
import full from '../../../../e2e/fixtures/flink/2.2/jobs__jobid__vertices__vertexid__flamegraph.json';

const tree = (name: string, value: number, children?: FlameGraphNode[]): FlameGraphNode => ({
  name,
  value,
  children,
});

describe('flame tree', () => {
  it('copies the tree with children sorted by name and counts frames and depth', () => {
    const data = tree('root', 10, [tree('b.B:1', 4, [tree('z.Z:2', 4)]), tree('a.A:1', 6)]);
    const p = prepareTree(data);
    expect(p.root.children?.map((c) => c.name)).toEqual(['a.A:1', 'b.B:1']);
    expect(p).toMatchObject({ nodes: 4, total: 10, maxDepth: 2, offCpuFrames: 0 });
    expect(prepareTree(tree('root', 1, [tree('x.sleep:1 [off-cpu]', 1)])).offCpuFrames).toBe(1);
    // the cached answer is not touched (the chart marks zoom state on its nodes)
    expect(data.children?.[0]?.name).toBe('b.B:1');
    expect(p.root.children?.[1]).not.toBe(data.children?.[0]);
  });

  it('searches text, not regular expressions, and counts nested samples once', () => {
    expect(frameMatches('java.lang.Thread.sleep:-2', 'SLEEP')).toBe(true);
    expect(frameMatches('a(b', '(')).toBe(true);
    expect(frameMatches('anything', '.*')).toBe(false);
    expect(frameMatches('anything', '  ')).toBe(false);
    const data = tree('root', 10, [tree('x.run', 8, [tree('x.run:2', 5)]), tree('y', 2)]);
    expect(searchTree(data, 'x.run')).toEqual({ frames: 2, samples: 8 });
    expect(searchTree(offCpu.data as FlameGraphNode, 'Thread.sleep')).toEqual({ frames: 1, samples: 197 });
    expect(searchTree(full.data as FlameGraphNode, 'nothing-like-this')).toEqual({ frames: 0, samples: 0 });
  });

  it('knows off-CPU frames and colours them blue', () => {
    expect(isOffCpuName('java.lang.Thread.sleep:-2 [off-cpu]')).toBe(true);
    expect(isOffCpuName('java.lang.Thread.sleep:-2')).toBe(false);
    const hue = Number(/^hsl\((\d+)/.exec(offCpuColor('java.lang.Thread.sleep:-2'))?.[1]);
    expect(hue).toBeGreaterThanOrEqual(200);
    expect(hue).toBeLessThanOrEqual(225);
    expect(offCpuColor('a')).toBe(offCpuColor('a'));
  });
});

describe('flame graph params', () => {
  it('maps the URL type to Flink’s type and back', () => {
    expect(flameTypeFromParam(undefined)).toBe('FULL');
    expect(flameTypeFromParam('off_cpu')).toBe('OFF_CPU');
    expect(flameTypeFromParam('ON_CPU')).toBe('ON_CPU');
    expect(flameTypeFromParam('junk')).toBe('FULL');
    expect(paramFromFlameType('FULL')).toBeUndefined();
    expect(paramFromFlameType('OFF_CPU')).toBe('off_cpu');
  });

  it('reads Flink’s endTimestamp codes', () => {
    expect(flameStatus({ endTimestamp: -3 })).toEqual({ kind: 'sampling' });
    expect(flameStatus({ endTimestamp: -2 })).toEqual({ kind: 'disabled' });
    expect(flameStatus({ endTimestamp: -1 })).toEqual({ kind: 'finished' });
    expect(flameStatus({ endTimestamp: 5, data: null })).toEqual({ kind: 'empty', endTimestamp: 5 });
    expect(flameStatus(offCpu)).toEqual({ kind: 'data', endTimestamp: 1795339143979 });
  });

  it('defaults to the busiest vertex that is not back-pressured', () => {
    expect(
      defaultVertex([
        { id: 'src', busy: 0.3, backPressured: 0.8 },
        { id: 'slow', busy: 0.97, backPressured: 0 },
        { id: 'sink', busy: 0.1, backPressured: 0 },
      ]),
    ).toBe('slow');
    expect(
      defaultVertex([
        { id: 'a', busy: 0.3, backPressured: 0.8 },
        { id: 'b', busy: undefined, backPressured: undefined },
      ]),
    ).toBe('a');
    expect(defaultVertex([{ id: 'a', busy: undefined, backPressured: undefined }])).toBe('a');
    expect(defaultVertex([])).toBeUndefined();
  });
});

describe('export', () => {
  it('makes safe file names', () => {
    expect(safeFileName('flamegraph', 'Source: Fast source -> Parse', 'off_cpu', '', 1795339143979)).toBe(
      'flamegraph_Source-Fast-source-Parse_off_cpu_1795339143979',
    );
  });

  it('serializes an svg as a standalone document with its styles, names as text', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    g.setAttribute('name', '<img src=x onerror=alert(1)>');
    const fo = document.createElementNS('http://www.w3.org/2000/svg', 'foreignObject');
    const div = document.createElement('div');
    div.textContent = '<img src=x onerror=alert(1)>';
    fo.appendChild(div);
    g.appendChild(fo);
    svg.appendChild(g);
    const text = svgMarkup(svg, '.x{fill:red}');
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('<style>.x{fill:red}</style>');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(text).not.toContain('<img');
    expect(svg.querySelector('style')).toBeNull();
  });
});
