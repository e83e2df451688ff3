// The reader's colour theme: "system" (follow prefers-color-scheme), or a stored choice of light or dark.
// The choice lives in localStorage, never in a cookie, so no page has to read the request to render it.

export type ThemeChoice = 'system' | 'light' | 'dark'

export const THEME_STORAGE_KEY = 'theme'

/**
 * Runs in <head> before the body is parsed, so a stored choice applies before the first paint (no flash).
 * Byte-stable on purpose (no interpolation): a Content-Security-Policy can allow it by its hash.
 * It reads the same key as THEME_STORAGE_KEY; tests/unit/theme.test.ts keeps the two in step.
 */
export const THEME_SCRIPT =
  '(function(){try{var t=localStorage.getItem("theme");if(t==="light"||t==="dark")document.documentElement.setAttribute("data-theme",t)}catch(e){}})()'

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return value === 'system' || value === 'light' || value === 'dark'
}
