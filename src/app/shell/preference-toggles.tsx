import { setPreference, usePreferences, type ThemeChoice } from '@/stores/preferences';

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_ICON: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };

export function PreferenceToggles() {
  const { theme, timeZone } = usePreferences();
  const button =
    'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';
  return (
    <>
      <button
        type="button"
        className={button}
        data-testid="time-zone-toggle"
        title="Show times in local time or UTC"
        onClick={() => setPreference('timeZone', timeZone === 'UTC' ? 'local' : 'UTC')}
      >
        {timeZone === 'UTC' ? 'UTC' : 'Local'}
      </button>
      <button
        type="button"
        className={button}
        data-testid="theme-toggle"
        aria-label={`Theme: ${theme}. Click for ${NEXT_THEME[theme]}.`}
        title={`Theme: ${theme}`}
        onClick={() => setPreference('theme', NEXT_THEME[theme])}
      >
        <span aria-hidden>{THEME_ICON[theme]}</span> {theme}
      </button>
    </>
  );
}
