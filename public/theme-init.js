// Paints the chosen theme before first render: the stored choice (the only thing this app stores), else
// the system's. An external file rather than an inline script, so the Content Security Policy can forbid
// inline script. Keep the key in step with THEME_KEY in src/ui/hooks/use-theme.ts.
try {
  const choice = localStorage.getItem('tep-theme')
  if (choice === 'dark' || (choice !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches))
    document.documentElement.classList.add('dark')
} catch {
  // Storage can be unavailable (private modes): the page follows the system after it loads.
}
