import { Anchor, createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white button text above 4.5:1 contrast in both schemes.
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  components: {
    // A link in a sentence must not rely on colour alone (WCAG 1.4.1); navigation opts out.
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
});

const TINTED = ['blue', 'teal', 'green', 'orange', 'yellow', 'red', 'grape'] as const;

/**
 * Mantine's default dimmed grey, error red and light-variant text (alerts, badges) fall below
 * 4.5:1 on light backgrounds; darker shades keep every page at WCAG AA in both schemes.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-error': t.colors.red[9],
    ...Object.fromEntries(TINTED.map((c) => [`--mantine-color-${c}-light-color`, `color-mix(in srgb, ${t.colors[c][9]}, black 30%)`])),
  },
  dark: {
    '--mantine-color-dimmed': t.colors.dark[1],
    '--mantine-color-error': t.colors.red[5],
  },
});
