import { describe, expect, it } from 'vitest';
import { MIN_READABLE_TEXT_PX, NODE_BODY_FONT_PX, READABLE_ZOOM, framePlan, planBounds } from './frame';
import { NODE_HEIGHT, NODE_WIDTH, layoutLeftToRight } from './layout';
import { fullView } from './view-model';

/** A straight 8-vertex plan, as the demo's and the real suite's 8-vertex jobs are drawn. */
function chainOf(n: number) {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `v${i}`, title: `Vertex ${i}` }));
  const edges = nodes.slice(1).map((v, i) => ({ source: `v${i}`, target: v.id }));
  return planBounds(layoutLeftToRight(fullView(nodes, edges)).values());
}

const textPx = (zoom: number) => NODE_BODY_FONT_PX * zoom;

describe('framePlan', () => {
  it('never draws node text below the readable size: an 8-vertex plan with the vertex panel open', () => {
    // ~540 px canvas (1440 wide with the panel open) and a 1280×720 screen with it open
    for (const pane of [
      { width: 540, height: 420 },
      { width: 420, height: 360 },
      { width: 1200, height: 420 },
    ]) {
      const { viewport, clipped } = framePlan(chainOf(8), pane);
      expect(textPx(viewport.zoom)).toBeGreaterThanOrEqual(MIN_READABLE_TEXT_PX - 0.01);
      expect(clipped).toBe(true);
      // the sources are on screen: the plan starts at the left edge, not centred off both sides
      expect(viewport.x + chainOf(8).x * viewport.zoom).toBeGreaterThanOrEqual(0);
      expect(viewport.x + chainOf(8).x * viewport.zoom).toBeLessThan(40);
    }
  });

  it('fits a plan that is readable whole, centred, never blown up above its natural size', () => {
    const b = chainOf(3);
    const pane = { width: 1200, height: 500 };
    const { viewport, clipped } = framePlan(b, pane);
    expect(clipped).toBe(false);
    expect(viewport.zoom).toBeLessThanOrEqual(1);
    expect(viewport.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    const left = viewport.x + b.x * viewport.zoom;
    const right = left + b.width * viewport.zoom;
    expect(left).toBeCloseTo(pane.width - right, 5);
  });

  it('shrinks to fit between the readable zoom and 1 when that shows the whole plan', () => {
    const b = { x: 0, y: 0, width: NODE_WIDTH * 4, height: NODE_HEIGHT };
    const { viewport, clipped } = framePlan(b, { width: 1000, height: 400 });
    expect(clipped).toBe(false);
    expect(viewport.zoom).toBeLessThan(1);
    expect(viewport.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });

  it('leaves an empty or unmeasured canvas alone', () => {
    expect(framePlan(planBounds([]), { width: 800, height: 400 }).viewport).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(framePlan(chainOf(2), { width: 0, height: 0 }).clipped).toBe(false);
  });
});
