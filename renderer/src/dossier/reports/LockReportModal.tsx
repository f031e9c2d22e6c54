import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../ui/ConfirmModal.js';

/** "Permanent vastzetten" cannot be undone by anyone: the user confirms knowing that. */
export function LockReportModal({ opened, onCancel, onConfirm, pending }: { opened: boolean; onCancel: () => void; onConfirm: () => void; pending: boolean }) {
  const { t } = useTranslation();
  return (
    <ConfirmModal
      opened={opened}
      title={t('reports.lockTitle')}
      message={t('reports.lockText')}
      confirmLabel={t('reports.lockConfirm')}
      onConfirm={onConfirm}
      onCancel={onCancel}
      pending={pending}
    />
  );
}
