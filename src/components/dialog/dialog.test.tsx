import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { ConfirmDialog } from './confirm-dialog';
import { Modal } from './modal';

// Rendering in jsdom is slow on a loaded CI machine; the assertions, not the clock, are the test.
const SLOW_CI_MS = 30_000;

describe('ConfirmDialog', { timeout: SLOW_CI_MS }, () => {
  it('names the target and confirms without typing when not asked to', async () => {
    const onConfirm = vi.fn();
    const onClose = vi.fn();
    render(
      <ConfirmDialog open onClose={onClose} onConfirm={onConfirm} action="Cancel job" target="orders-etl" />,
    );
    expect(screen.getByRole('heading')).toHaveTextContent('Cancel job orders-etl?');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel job' })));
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('requires typing the name for very destructive actions', async () => {
    const onConfirm = vi.fn();
    render(
      <ConfirmDialog
        open
        onClose={() => {}}
        onConfirm={onConfirm}
        action="Shut down cluster"
        target="prod-eu"
        requireTyping
      />,
    );
    const confirm = screen.getByRole('button', { name: 'Shut down cluster' });
    const input = screen.getByLabelText('Type prod-eu to confirm');
    expect(input).toHaveFocus();
    expect(confirm).toBeDisabled();
    fireEvent.change(input, { target: { value: 'prod' } });
    expect(confirm).toBeDisabled();
    fireEvent.submit(input);
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: 'prod-eu' } });
    expect(confirm).toBeEnabled();
    await act(async () => fireEvent.submit(input));
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('keeps the dialog open and shows the error when the action fails', async () => {
    const onClose = vi.fn();
    render(
      <ConfirmDialog
        open
        onClose={onClose}
        onConfirm={() => Promise.reject(new Error('<b>Job not found</b>'))}
        action="Stop job"
        target="x"
      />,
    );
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Stop job' })));
    expect(screen.getByRole('alert')).toHaveTextContent('<b>Job not found</b>');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('starts fresh when opened again', () => {
    function Harness() {
      const [open, setOpen] = useState(true);
      return (
        <>
          <button onClick={() => setOpen((o) => !o)}>toggle</button>
          <ConfirmDialog
            open={open}
            onClose={() => setOpen(false)}
            onConfirm={() => {}}
            action="Delete jar"
            target="a.jar"
            requireTyping
          />
        </>
      );
    }
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('Type a.jar to confirm'), { target: { value: 'a.jar' } });
    fireEvent.click(screen.getByRole('button', { name: 'Go back' }));
    expect(screen.queryByLabelText('Type a.jar to confirm')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('toggle'));
    expect(screen.getByLabelText('Type a.jar to confirm')).toHaveValue('');
  });
});

describe('Modal', () => {
  it('closes on Escape and on the backdrop, but not while not dismissible', () => {
    const onClose = vi.fn();
    const { rerender } = render(
      <Modal open onClose={onClose} title="Details" testId="modal">
        <p>Body</p>
      </Modal>,
    );
    const dialog = screen.getByTestId('modal');
    expect(dialog).toHaveAttribute('open');
    expect(screen.getByRole('dialog', { name: 'Details' })).toBeInTheDocument();
    fireEvent.keyDown(screen.getByText('Body'), { key: 'Escape' });
    fireEvent.click(dialog);
    fireEvent.click(screen.getByText('Body'));
    expect(onClose).toHaveBeenCalledTimes(2);

    rerender(
      <Modal open onClose={onClose} title="Details" testId="modal" dismissible={false}>
        <p>Body</p>
      </Modal>,
    );
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('button', { name: 'Close' })).not.toBeInTheDocument();

    rerender(
      <Modal open={false} onClose={onClose} title="Details" testId="modal">
        <p>Body</p>
      </Modal>,
    );
    expect(dialog).not.toHaveAttribute('open');
    expect(screen.queryByText('Body')).not.toBeInTheDocument();
  });
});
