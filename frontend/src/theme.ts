import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from "@mantine/core";

// No web fonts (the CSP allows only our own origin, and we ship none): system fonts that carry
// Hebrew on every platform, then the generic family.
const FONTS =
  'system-ui, -apple-system, "Segoe UI", "Noto Sans Hebrew", "Noto Sans", Arial, "DejaVu Sans", "Liberation Sans", sans-serif';

/**
 * Mantine's default light/outline colours (shade 6–9 on shade 0–1) fall below WCAG AA 4.5:1 for
 * small text such as badges; darken their text so every status label stays readable.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({
    color: input.color || input.theme.primaryColor,
    theme: input.theme,
  });
  if (!parsed.isThemeColor || !parsed.color) return base;
  const palette = input.theme.colors[parsed.color];
  if (input.variant === "light") {
    return { ...base, color: darken(palette[9], 0.4), background: palette[0], hover: palette[1] };
  }
  if (input.variant === "outline") {
    const text = darken(palette[9], 0.3);
    return { ...base, color: text, border: `1px solid ${text}` };
  }
  return base;
};

/**
 * "Dimmed" text: Mantine's gray.6 is 3.3:1 on white; gray.7 is over 7:1. The primary colour's
 * light variant (active navigation link) gets the same treatment as the resolver above.
 */
const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  const primary = theme.colors[theme.primaryColor];
  return {
    variables: {},
    light: {
      "--mantine-color-dimmed": theme.colors.gray[7],
      "--mantine-primary-color-light": primary[0],
      "--mantine-primary-color-light-hover": primary[1],
      "--mantine-primary-color-light-color": darken(primary[9], 0.4),
    },
    dark: {},
  };
};

export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: { light: 8, dark: 6 }, // indigo.8 on white ≈ 5.9:1 (links, filled buttons)
  fontFamily: FONTS,
  headings: { fontFamily: FONTS },
  focusRing: "auto", // a visible ring for keyboard focus
  defaultRadius: "sm",
  variantColorResolver,
});

export { cssVariablesResolver };
