import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** Calm, high-contrast colours: used on a laptop in someone's kitchen, often in daylight. */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 7 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
});

/** Mantine's default "dimmed" grey fails WCAG AA contrast on our light backgrounds; darken it. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#495057' },
  dark: {},
});
