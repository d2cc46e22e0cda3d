import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { ExactValue } from './exact-value';
import { Tabs } from './tabs';

// Rendering in jsdom is slow on a loaded CI machine; the assertions, not the clock, are the test.
const SLOW_CI_MS = 30_000;

type Tab = 'overview' | 'exceptions' | 'config' | 'locked';

function Harness({ onChange }: { onChange?: (v: Tab) => void }) {
  const [tab, setTab] = useState<Tab>('overview');
  return (
    <Tabs<Tab>
      label="Job"
      value={tab}
      onChange={(v) => {
        onChange?.(v);
        setTab(v);
      }}
      tabs={[
        { value: 'overview', label: 'Overview' },
        { value: 'exceptions', label: 'Exceptions', count: 3 },
        { value: 'locked', label: 'Locked', disabled: true },
        { value: 'config', label: 'Configuration' },
      ]}
    >
      <p>panel {tab}</p>
    </Tabs>
  );
}

describe('Tabs', { timeout: SLOW_CI_MS }, () => {
  it('reports clicks and keeps aria state in step with the value', () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    expect(screen.getByRole('tablist', { name: 'Job' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('tab', { name: /Exceptions/ }));
    expect(onChange).toHaveBeenCalledWith('exceptions');
    const tab = screen.getByRole('tab', { name: /Exceptions/ });
    expect(tab).toHaveAttribute('aria-selected', 'true');
    expect(tab).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('tabpanel', { name: /Exceptions/ })).toHaveTextContent('panel exceptions');
  });

  it('moves with the arrow keys, skipping disabled tabs and wrapping around', () => {
    render(<Harness />);
    const list = screen.getByRole('tablist');
    fireEvent.keyDown(list, { key: 'ArrowRight' });
    fireEvent.keyDown(list, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Configuration' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Configuration' })).toHaveFocus();
    fireEvent.keyDown(list, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(list, { key: 'End' });
    expect(screen.getByText('panel config')).toBeInTheDocument();
  });
});

describe('ExactValue', () => {
  it('shows the human value with the exact one in the title', () => {
    render(<ExactValue value={1_610_612_736} format="bytes" />);
    expect(screen.getByText('1.50 GiB')).toHaveAttribute('title', '1,610,612,736 B');
  });

  it('marks unknown values as unknown', () => {
    render(<ExactValue value={-1} format="count" />);
    expect(screen.getByText('—')).toHaveAttribute('title', expect.stringMatching(/^Unknown/));
  });
});
