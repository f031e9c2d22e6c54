import { Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mantine's Modal with the house style and a named close button (screen readers need its name). */
export function AppModal(props: ModalProps) {
  const { t } = useTranslation();
  return <Modal radius="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }} {...props} />;
}
