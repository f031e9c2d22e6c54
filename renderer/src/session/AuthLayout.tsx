import { Box, Container, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../app/BrandMark.js';
import { LanguageSwitch } from '../app/LanguageSwitch.js';
import { ConnectivityBadge } from '../connectivity/ConnectivityBadge.js';

/** The frame of the sign-in and unlock screens: brand, connection state, language; `wide` for longer steps (2FA set-up). */
export function AuthLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Group component="header" justify="space-between" px="lg" py="sm">
        <BrandMark />
        <Group gap="sm">
          <ConnectivityBadge />
          <LanguageSwitch />
        </Group>
      </Group>
      <Container component="main" size={wide ? 680 : 440} pt={wide ? 8 : 60} pb={wide ? 32 : 0}>
        <Stack gap="lg">
          {/* A long step needs the room on a laptop screen more than the tagline. */}
          {!wide && (
            <Text c="dimmed" ta="center">
              {t('app.tagline')}
            </Text>
          )}
          <Paper withBorder shadow="sm" p="xl" radius="lg">
            {children}
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}
