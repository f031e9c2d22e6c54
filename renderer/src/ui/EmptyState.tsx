import { Stack, Text } from '@mantine/core';

/**
 * What an empty list says: what is not there yet and, for whoever may add something, how to add the
 * first one — a nurse on her first day should never wonder what to do with an empty tab.
 */
export function EmptyState({ text, nextStep }: { text: string; nextStep?: string | null }) {
  return (
    <Stack gap={4} p="lg" data-testid="empty-state">
      <Text c="dimmed">{text}</Text>
      {nextStep && (
        <Text fz="sm" c="dimmed">
          {nextStep}
        </Text>
      )}
    </Stack>
  );
}
