import { PinInput, Stack, Text } from '@mantine/core';
import type { Ref } from 'react';

interface AuthenticatorCodeFieldProps {
  id: string;
  label: string;
  /** Where to find the code, said under the boxes. */
  hint: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  ref?: Ref<HTMLDivElement>;
}

/**
 * The 6-digit code of an authenticator app: a labelled one-time-code input with its hint. One
 * field for the sign-in's second step, the 2FA set-up and new recovery codes, so they look and
 * read the same.
 */
export function AuthenticatorCodeField({ id, label, hint, value, onChange, testId, ref }: AuthenticatorCodeFieldProps) {
  return (
    <Stack gap={4} ref={ref}>
      <Text component="label" htmlFor={id} fz="sm" fw={500}>
        {label}
      </Text>
      <PinInput id={id} length={6} type="number" oneTimeCode value={value} onChange={onChange} aria-label={label} data-testid={testId} />
      <Text fz="xs" c="dimmed">
        {hint}
      </Text>
    </Stack>
  );
}
