/** Dialogs: `Modal` (native <dialog>) and `ConfirmDialog` (names the target, optional typed confirmation). */
export { Modal, type ModalProps } from './modal';
export { ConfirmDialog, type ConfirmDialogProps } from './confirm-dialog';
