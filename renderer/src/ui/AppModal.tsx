import { Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Mantine's Modal with the house style and a named close button (screen readers need its name).
 * Built from Modal's parts so that its header is a plain element: Mantine renders a <header>,
 * which axe counts as a second page banner beside the app's own header while a dialog is open.
 */
export function AppModal({ title, children, withCloseButton = true, closeButtonProps, withOverlay = true, overlayProps, radius = 'lg', ...rootProps }: ModalProps) {
  const { t } = useTranslation();
  return (
    <Modal.Root radius={radius} centered {...rootProps}>
      {withOverlay && <Modal.Overlay {...overlayProps} />}
      <Modal.Content radius={radius}>
        {(title || withCloseButton) && (
          <Modal.Header renderRoot={(props) => <div {...props} />}>
            {title && <Modal.Title>{title}</Modal.Title>}
            {withCloseButton && <Modal.CloseButton aria-label={t('common.close')} {...closeButtonProps} />}
          </Modal.Header>
        )}
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
