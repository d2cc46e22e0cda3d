// Runs before first paint (as a file, not inline, so a strict CSP holds): sets the theme class early.
(function () {
  try {
    var p = JSON.parse(localStorage.getItem('streamdash.preferences') || '{}');
    var dark =
      p.theme === 'dark' || (p.theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
    if (dark) document.documentElement.classList.add('dark');
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  } catch {
    /* storage blocked: follow the default light theme */
  }
})();
