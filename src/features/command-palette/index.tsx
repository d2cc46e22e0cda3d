/** The command palette feature: overlays + global shortcuts (mounted once by the shell) and the header button. */
import { CommandPalette } from './command-palette';
import { ShortcutHelp } from './help-overlay';
import { KeyboardShortcuts } from './keyboard-shortcuts';

export { PaletteButton } from './palette-button';

export function PaletteOverlays() {
  return (
    <>
      <KeyboardShortcuts />
      <CommandPalette />
      <ShortcutHelp />
    </>
  );
}
