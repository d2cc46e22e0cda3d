import { useEffect } from 'react';
import { usePreferences, type ThemeChoice } from '@/stores/preferences';

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/** Keeps the `dark` class on <html> in step with the preference and, for "system", the OS. */
export function useApplyTheme() {
  const { theme } = usePreferences();
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const dark = resolveTheme(theme, media.matches) === 'dark';
      document.documentElement.classList.toggle('dark', dark);
      document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
