// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Read from disk: Vitest hands CSS imports, `?raw` ones too, to the test as empty strings.
const tokensCss = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');

/** The colour tokens, read from the stylesheet itself so the test and the app cannot disagree. */
function colourTokens(css: string): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const match of css.matchAll(/--(color-[\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)) tokens.set(match[1]!, match[2]!);
  return tokens;
}

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const tokens = colourTokens(tokensCss);
const colour = (name: string) => {
  const value = tokens.get(name);
  if (!value) throw new Error(`No token --${name} in tokens.css`);
  return value;
};

// Every pair the stylesheets use: text on its background (4.5:1, WCAG 1.4.3), and focus rings, borders that
// identify a control and the current-page bar against what they sit on (3:1, WCAG 1.4.11).
const TEXT_PAIRS: Array<[string, string]> = [
  ['color-text', 'color-background'],
  ['color-text', 'color-surface'],
  ['color-text-muted', 'color-background'],
  ['color-text-muted', 'color-surface'],
  ['color-link', 'color-background'],
  ['color-link', 'color-surface'],
  ['color-link-hover', 'color-background'],
  ['color-link-hover', 'color-surface'],
  ['color-on-brand', 'color-brand'],
  ['color-on-brand-muted', 'color-brand'],
  ['color-danger', 'color-background'],
  ['color-danger', 'color-danger-surface'],
  ['color-warning', 'color-background'],
  ['color-warning', 'color-warning-surface'],
  ['color-success', 'color-background'],
  ['color-success', 'color-success-surface'],
];

const NON_TEXT_PAIRS: Array<[string, string]> = [
  ['color-focus', 'color-background'],
  ['color-focus', 'color-surface'],
  ['color-focus-on-brand', 'color-brand'],
  ['color-border', 'color-background'],
  ['color-border', 'color-surface'],
  ['color-on-brand', 'color-brand'],
];

describe('colour tokens', () => {
  it('should compute the WCAG ratio correctly', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it.each(TEXT_PAIRS)('should give text in --%s on --%s at least 4.5:1', (text, background) => {
    expect(contrast(colour(text), colour(background))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(NON_TEXT_PAIRS)('should give --%s against --%s at least 3:1', (foreground, background) => {
    expect(contrast(colour(foreground), colour(background))).toBeGreaterThanOrEqual(3);
  });
});
