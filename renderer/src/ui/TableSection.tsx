import { Alert, Paper, Stack, Table, Text, Title, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

export interface TableSectionProps {
  title: string;
  /** A line under the title that says what the section is for. */
  intro?: string;
  /** An error message to show above the table (already in words the user understands). */
  error?: string | null;
  /** Shown instead of the table once the data has loaded and there are no rows. */
  emptyText: string;
  loaded: boolean;
  rowCount: number;
  columns: readonly string[];
  /** The table's test id, for e2e tests that read its rows. */
  testId?: string;
  tableProps?: Pick<TableProps, 'striped' | 'verticalSpacing'>;
  /** A line under the table, e.g. that older rows exist. */
  footer?: ReactNode;
  /** The table's rows (`Table.Tr` elements). */
  children: ReactNode;
}

/**
 * A card with a heading and a table of rows, or a short "nothing here yet" line: the shape of the
 * backup list and the retention screen's offers, requests and log. One place for the heading
 * level, the column headers' scope and the empty state, so these screens read the same.
 */
export function TableSection({ title, intro, error, emptyText, loaded, rowCount, columns, testId, tableProps, footer, children }: TableSectionProps) {
  return (
    <Paper withBorder p="lg" radius="lg">
      <Stack gap="sm">
        <div>
          <Title order={2} fz={18}>
            {title}
          </Title>
          {intro && (
            <Text fz="sm" c="dimmed">
              {intro}
            </Text>
          )}
        </div>
        {error && <Alert color="red" role="alert" title={error} />}
        {loaded && rowCount === 0 && <Text c="dimmed">{emptyText}</Text>}
        {rowCount > 0 && (
          <Table verticalSpacing="sm" {...tableProps} data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th key={column} scope="col">
                    {column}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{children}</Table.Tbody>
          </Table>
        )}
        {footer}
      </Stack>
    </Paper>
  );
}
