/**
 * jsdom has no top layer: an open modal <dialog> covers nothing, so a second click lands on the
 * button under the pointer. In a browser the modal's backdrop covers the whole page and such a
 * click hits the <dialog> element itself, with the click count (`detail`) of the double-click.
 * While this runs, every mouse event outside an open dialog goes to that dialog instead.
 */
export function emulateModalTopLayer(): () => void {
  const types = ['mousedown', 'mouseup', 'click', 'dblclick'] as const;
  const redirect = (e: Event) => {
    const dialog = document.querySelector('dialog[open]');
    if (!(e instanceof MouseEvent) || !dialog || !(e.target instanceof Node) || dialog.contains(e.target)) {
      return;
    }
    e.stopImmediatePropagation();
    e.preventDefault();
    const { bubbles, cancelable, detail, button, buttons, clientX, clientY } = e;
    dialog.dispatchEvent(
      new MouseEvent(e.type, { bubbles, cancelable, detail, button, buttons, clientX, clientY }),
    );
  };
  types.forEach((t) => window.addEventListener(t, redirect, true));
  return () => types.forEach((t) => window.removeEventListener(t, redirect, true));
}
