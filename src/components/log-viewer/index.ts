/** LogViewer and its pure helpers (line index, search), usable without rendering. */
export { LogViewer, type LogViewerProps } from './log-viewer';
export { buildLineIndex, lineAt, lineOfOffset, type LineIndex } from './line-index';
export { findMatches, type LogMatches } from './log-search';
