import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { copyText } from './clipboard';
import { CopyButton } from './copy-button';
import { useToast } from './toast-context';
import { ToastProvider } from './toast-provider';

// Rendering in jsdom is slow on a loaded CI machine; the assertions, not the clock, are the test.
const SLOW_CI_MS = 30_000;

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function Trigger({ input }: { input: Parameters<ReturnType<typeof useToast>['show']>[0] }) {
  const toast = useToast();
  return <button onClick={() => toast.show(input)}>show</button>;
}

describe('toasts', { timeout: SLOW_CI_MS }, () => {
  it('shows a message with a link and a copy button, and closes by itself', () => {
    vi.useFakeTimers();
    const navigate = vi.fn();
    render(
      <ToastProvider navigate={navigate}>
        <Trigger
          input={{
            tone: 'success',
            message: 'Savepoint triggered',
            link: { label: 'Open job', href: '/clusters/prod/jobs/abc' },
            copyText: 's3://bucket/savepoint-1',
          }}
        />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByText('show'));
    expect(screen.getByRole('status')).toHaveTextContent('Savepoint triggered');
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: 'Open job' }));
    expect(navigate).toHaveBeenCalledWith('/clusters/prod/jobs/abc');
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('show'));
    act(() => vi.advanceTimersByTime(5100));
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument();
  });

  it('keeps errors until dismissed and announces them as alerts', () => {
    vi.useFakeTimers();
    render(
      <ToastProvider>
        <Trigger input={{ tone: 'error', title: 'Cancel failed', message: '<script>x</script>' }} />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByText('show'));
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByRole('alert')).toHaveTextContent('<script>x</script>');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss notification' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains a missing provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Trigger input={{ message: 'x' }} />)).toThrow(/ToastProvider/);
  });
});

describe('copying', () => {
  it('uses the Clipboard API when available', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    vi.stubGlobal('isSecureContext', true);
    await expect(copyText('abc')).resolves.toBe(true);
    expect(writeText).toHaveBeenCalledWith('abc');
  });

  it('falls back to execCommand on plain HTTP', async () => {
    vi.stubGlobal('isSecureContext', false);
    const exec = vi.fn(() => true);
    document.execCommand = exec;
    await expect(copyText('abc')).resolves.toBe(true);
    expect(exec).toHaveBeenCalledWith('copy');
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('tells the user it worked', async () => {
    vi.stubGlobal('isSecureContext', false);
    document.execCommand = vi.fn(() => true);
    render(<CopyButton text={() => 'job-1'} ariaLabel="Copy job id" />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy job id' })));
    expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });
});
