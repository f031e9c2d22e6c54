import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** Calm, high-contrast colours: used on a laptop in someone's kitchen, often in daylight. */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 7 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  // Users who asked their system for less motion get none (transitions take no time).
  respectReducedMotion: true,
  components: {
    // The default description grey (gray.6) is 3.3:1 on white.
    Notification: { styles: { description: { color: 'var(--mantine-color-dimmed)' } } },
    // A tooltip stays inside the landmark of what it explains (header, main): in a portal at the end
    // of <body> it is content outside every landmark, which screen-reader users navigating by
    // landmark never reach (axe "region").
    Tooltip: { defaultProps: { withinPortal: false } },
  },
});

/** Text on "light" tints: darker than Mantine's shade 9, measured at 4.5:1 or better on the tint. */
const lightText: Record<string, string> = {
  teal: '#0a5a44',
  blue: '#133f7a',
  gray: '#25292e',
  orange: '#7f3405',
  red: '#941a1a',
  grape: '#6b1f80',
  indigo: '#2c2f8a',
  yellow: '#6b4a00',
  green: '#1f5a1f',
};

/**
 * Mantine's defaults fail WCAG AA contrast in a few places on our light backgrounds: the dimmed
 * grey, the error red, the text of "light" badges and buttons (shade 6 on a pale tint), and the
 * hover shade of a shade-9 primary button. Each is moved to a shade that passes 4.5:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    '--mantine-color-error': theme.colors.red[9],
    '--mantine-color-teal-filled-hover': '#066649',
    ...Object.fromEntries(Object.entries(lightText).map(([colour, value]) => [`--mantine-color-${colour}-light-color`, value])),
  },
  dark: {},
});
