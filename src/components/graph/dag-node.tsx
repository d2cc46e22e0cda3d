/** The box drawn for one operator (or one collapsed chain) inside DagGraph. */
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { StateBadge } from '@/components/state-badge';
import { NODE_HEIGHT, NODE_WIDTH } from './layout';
import { TONE_BORDER, TONE_LABEL, clamp01, fillBarColor, toneBackground, worstTone } from './tones';
import type { DagNode, NodeTone } from './types';
import type { ViewNode } from './view-model';

export type DagNodeData = {
  view: ViewNode;
  dimmed: boolean;
  selected: boolean;
  onActivate: (view: ViewNode) => void;
};

export type DagFlowNode = Node<DagNodeData, 'dag'>;

const hiddenHandle = { opacity: 0, pointerEvents: 'none' } as const;

function chainTone(members: readonly DagNode[]): { tone: NodeTone; fill: number } {
  const tone = worstTone(members.map((m) => m.tone ?? 'unknown'));
  const fill = Math.max(
    0,
    ...members.filter((m) => (m.tone ?? 'unknown') === tone).map((m) => clamp01(m.fill)),
  );
  return { tone, fill };
}

function DagNodeCardImpl({ data }: NodeProps<DagFlowNode>) {
  const { view, dimmed, selected, onActivate } = data;
  const { tone, fill } =
    view.kind === 'node'
      ? { tone: view.node.tone ?? 'unknown', fill: clamp01(view.node.fill) }
      : chainTone(view.members);
  return (
    // The click is handled on the whole box (the button's clicks bubble here; so do Enter and
    // Space on it), so a click that lands on the box itself (its border, a script) selects too.
    <div
      data-testid="dag-node"
      data-node-id={view.id}
      onClick={() => onActivate(view)}
      data-kind={view.kind}
      data-tone={tone}
      data-dimmed={dimmed}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
      className={`relative overflow-hidden rounded-lg border bg-white text-left text-xs text-slate-900 shadow-sm transition-opacity dark:bg-slate-900 dark:text-slate-100 ${TONE_BORDER[tone]} ${dimmed ? 'opacity-20' : ''} ${selected ? 'ring-2 ring-sky-500 ring-offset-1 dark:ring-offset-slate-950' : ''}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} style={hiddenHandle} />
      <button
        type="button"
        aria-pressed={selected}
        aria-label={view.kind === 'node' ? view.node.title : `Chain of ${view.members.length} operators`}
        className="absolute inset-0 flex flex-col gap-1 p-2 text-left focus-visible:outline-2 focus-visible:outline-sky-500"
        style={toneBackground(tone, fill)}
      >
        {view.kind === 'node' ? (
          <OperatorBody node={view.node} />
        ) : (
          <ChainBody members={view.members} tone={tone} />
        )}
      </button>
      {fill > 0 ? (
        <div
          aria-hidden
          className="absolute bottom-0 left-0 h-1"
          style={{ width: `${fill * 100}%`, backgroundColor: fillBarColor(tone, fill) }}
        />
      ) : null}
      <Handle type="source" position={Position.Right} isConnectable={false} style={hiddenHandle} />
    </div>
  );
}

function OperatorBody({ node }: { node: DagNode }) {
  return (
    <>
      <div className="flex w-full items-center gap-1">
        <span className="min-w-0 flex-1 truncate font-semibold" title={node.title}>
          {node.title}
        </span>
        {node.parallelism !== undefined ? (
          <span
            title={`Parallelism ${node.parallelism}`}
            className="shrink-0 rounded bg-slate-100 px-1 font-mono text-[10px] text-slate-600 dark:bg-slate-800 dark:text-slate-300"
          >
            ×{node.parallelism}
          </span>
        ) : null}
      </div>
      {node.subtitle ? (
        <div className="w-full truncate text-[11px] text-slate-500" title={node.subtitle}>
          {node.subtitle}
        </div>
      ) : null}
      {node.status || node.badges?.length ? (
        <div className="flex w-full items-center gap-1 overflow-hidden whitespace-nowrap">
          {node.status ? <StateBadge state={node.status} /> : null}
          {node.badges?.map((b, i) => (
            <span
              key={i}
              className="truncate rounded bg-slate-100 px-1 text-[10px] text-slate-600 dark:bg-slate-800 dark:text-slate-300"
            >
              {b}
            </span>
          ))}
        </div>
      ) : null}
      {node.metrics?.length ? (
        <dl className="grid w-full grid-cols-2 gap-x-2 text-[11px] leading-tight">
          {node.metrics.slice(0, 4).map((m, i) => (
            <div key={i} className="flex min-w-0 gap-1">
              <dt className="truncate text-slate-500">{m.label}</dt>
              <dd className="ml-auto shrink-0 font-medium tabular-nums">{m.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </>
  );
}

function ChainBody({ members, tone }: { members: readonly DagNode[]; tone: NodeTone }) {
  const first = members[0];
  const last = members[members.length - 1];
  return (
    <>
      <div className="flex w-full items-center gap-1">
        <span className="flex-1 font-semibold">{members.length} chained operators</span>
        <span className="rounded border border-slate-300 px-1 text-[10px] text-slate-600 dark:border-slate-600 dark:text-slate-300">
          Expand
        </span>
      </div>
      <div className="w-full truncate" title={members.map((m) => m.title).join(' → ')}>
        {first?.title}
      </div>
      <div className="w-full truncate text-slate-500">… → {last?.title}</div>
      <div className="text-[11px] text-slate-500">Worst: {TONE_LABEL[tone]}</div>
    </>
  );
}

export const DagNodeCard = memo(DagNodeCardImpl);
