import { Anchor, Box, Group, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ClientListItem } from '../../../shared/ipc/calls/clients.js';
import { formatDate } from '../format/dates.js';
import { sortName } from './client-sort.js';
import { ClientStatusBadge } from './ClientStatusBadge.js';
import classes from './ClientTable.module.css';

const ROW_HEIGHT = 52;

/**
 * The client list as an ARIA table whose body is virtualised: only the rows in view exist in the
 * DOM, so 10,000 dossiers scroll as smoothly as 10. aria-rowcount/rowindex tell screen readers the
 * real size and position.
 */
export function ClientTable({ items }: { items: ClientListItem[] }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  return (
    <Box role="table" aria-label={t('clients.tableLabel')} aria-rowcount={items.length + 1} className={classes.table}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={`${classes.row} ${classes.head}`}>
          <span role="columnheader">{t('clients.col.name')}</span>
          <span role="columnheader">{t('clients.col.dossierNumber')}</span>
          <span role="columnheader">{t('clients.col.birthDate')}</span>
          <span role="columnheader">{t('clients.col.address')}</span>
          <span role="columnheader">{t('clients.col.status')}</span>
        </div>
      </div>
      <div ref={scroller} className={classes.scroller} data-testid="client-rows">
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const client = items[row.index]!;
            return (
              <div
                key={client.id}
                role="row"
                aria-rowindex={row.index + 2}
                className={classes.row}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              >
                <span role="cell">
                  <Anchor component={Link} to={`/dossiers/${client.id}`} fw={600} c="teal.9">
                    {sortName(client)}
                  </Anchor>
                </span>
                <span role="cell">
                  <Text fz="sm" ff="monospace">
                    {client.dossierNumber}
                  </Text>
                </span>
                <span role="cell">
                  <Text fz="sm">{formatDate(client.birthDate)}</Text>
                </span>
                <span role="cell">
                  <Group gap={6} wrap="nowrap">
                    <Text fz="sm">{client.postcode ?? ''}</Text>
                    <Text fz="sm" c="dimmed" truncate>
                      {client.city ?? ''}
                    </Text>
                  </Group>
                </span>
                <span role="cell">
                  <ClientStatusBadge status={client.status} />
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}
