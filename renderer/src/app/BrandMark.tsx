import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconHomeHeart } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function BrandMark({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size={size === 'lg' ? 44 : 34} radius="md" color="teal.8" aria-hidden>
        <IconHomeHeart size={size === 'lg' ? 28 : 22} />
      </ThemeIcon>
      <Text fw={700} fz={size === 'lg' ? 26 : 20} c="teal.9">
        {t('app.name')}
      </Text>
    </Group>
  );
}
