import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClientStatus } from '../../../shared/domain/client.js';
import { statusColour } from './client-status.js';

export function ClientStatusBadge({ status }: { status: ClientStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={statusColour[status]} radius="sm">
      {t(`clientStatus.${status}`)}
    </Badge>
  );
}
