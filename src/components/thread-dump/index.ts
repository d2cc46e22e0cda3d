/** Thread dumps: `ThreadDumpView` and the pure helpers (parse, group by state, search, text). */
export { ThreadDumpView, type ThreadDumpViewProps } from './thread-dump-view';
export {
  groupByState,
  identicalStacks,
  parseThread,
  parseThreadDump,
  searchThreads,
  threadDumpText,
  THREAD_STATE_ORDER,
  type ParsedThread,
  type ThreadEntry,
  type ThreadGroup,
} from './thread-dump';
