import { Modal } from '@/components/dialog/modal';
import { setOverlay, useOverlay } from './palette-store';
import { SHORTCUTS } from './shortcuts';

export function ShortcutHelp() {
  const open = useOverlay() === 'help';
  return (
    <Modal
      open={open}
      onClose={() => setOverlay(null)}
      title="Keyboard shortcuts"
      size="sm"
      testId="shortcut-help"
    >
      <table className="w-full text-sm">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.description} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <td className="whitespace-nowrap py-1.5 pr-4">
                {s.keys.map((k, i) => (
                  <span key={i}>
                    {i > 0 ? (
                      <span className="mx-0.5 text-xs text-slate-400">
                        {s.keys[0] === 'g' ? 'then' : '+'}
                      </span>
                    ) : null}
                    <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-700 dark:bg-slate-800">
                      {k}
                    </kbd>
                  </span>
                ))}
              </td>
              <td className="py-1.5 text-slate-700 dark:text-slate-300">{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
