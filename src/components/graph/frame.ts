/**
 * Where the plan graph opens: the whole plan when it fits at a readable size, otherwise a readable
 * zoom with the sources at the left edge, and the user pans (the minimap shows where they are).
 */
import { NODE_HEIGHT, NODE_WIDTH, type Point } from './layout';

/** The node body is 12 px text (text-xs in dag-node.tsx): drawn at this zoom it is 11 px on screen. */
export const NODE_BODY_FONT_PX = 12;
export const MIN_READABLE_TEXT_PX = 11;
export const READABLE_ZOOM = MIN_READABLE_TEXT_PX / NODE_BODY_FONT_PX;
/** A plan of two vertices stays at its natural size, not blown up to 2×. */
export const MAX_FIT_ZOOM = 1;
const PADDING = 0.1;
const EDGE_MARGIN_PX = 16;

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface Frame {
  viewport: Viewport;
  /** The plan is bigger than the canvas at a readable zoom: part of it is off screen. */
  clipped: boolean;
}

export function planBounds(positions: Iterable<Point>) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of positions) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + NODE_WIDTH);
    maxY = Math.max(maxY, p.y + NODE_HEIGHT);
  }
  if (minX === Infinity) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

export function framePlan(
  bounds: { x: number; y: number; width: number; height: number },
  pane: { width: number; height: number },
): Frame {
  if (bounds.width <= 0 || bounds.height <= 0 || pane.width <= 0 || pane.height <= 0) {
    return { viewport: { x: 0, y: 0, zoom: 1 }, clipped: false };
  }
  const fit = Math.min(
    pane.width / (bounds.width * (1 + PADDING)),
    pane.height / (bounds.height * (1 + PADDING)),
    MAX_FIT_ZOOM,
  );
  const zoom = Math.max(fit, READABLE_ZOOM);
  const w = bounds.width * zoom;
  const h = bounds.height * zoom;
  const fitsWide = w + 2 * EDGE_MARGIN_PX <= pane.width;
  const fitsHigh = h + 2 * EDGE_MARGIN_PX <= pane.height;
  // Centred along an axis that fits; otherwise the plan's start (sources left, first row on top).
  const x = fitsWide ? (pane.width - w) / 2 - bounds.x * zoom : EDGE_MARGIN_PX - bounds.x * zoom;
  const y = fitsHigh ? (pane.height - h) / 2 - bounds.y * zoom : EDGE_MARGIN_PX - bounds.y * zoom;
  return { viewport: { x, y, zoom }, clipped: fit < READABLE_ZOOM };
}
