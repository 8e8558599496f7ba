// Light or dark: follows the system unless the person chose otherwise. Only that choice is ever stored.
import { useCallback, useEffect, useSyncExternalStore } from 'react'

export type Theme = 'light' | 'dark'

/** The one key this app writes to localStorage (public/theme-init.js reads it too, to paint the right theme first). */
export const THEME_KEY = 'tep-theme'
const CHANGED = 'tep-theme-change'
const DARK_QUERY = '(prefers-color-scheme: dark)'

function storedChoice(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_KEY)
    return value === 'light' || value === 'dark' ? value : null
  } catch {
    return null
  }
}

const systemTheme = (): Theme => (matchMedia(DARK_QUERY).matches ? 'dark' : 'light')
const currentTheme = (): Theme => storedChoice() ?? systemTheme()

function subscribe(onChange: () => void): () => void {
  const query = matchMedia(DARK_QUERY)
  query.addEventListener('change', onChange)
  window.addEventListener(CHANGED, onChange)
  window.addEventListener('storage', onChange)
  return () => {
    query.removeEventListener('change', onChange)
    window.removeEventListener(CHANGED, onChange)
    window.removeEventListener('storage', onChange)
  }
}

export function useTheme(): { theme: Theme; toggle: () => void } {
  const theme = useSyncExternalStore(subscribe, currentTheme, () => 'light' as const)

  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark')
  }, [theme])

  const toggle = useCallback(() => {
    const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark'
    try {
      // Choosing what the system already shows means "follow the system" again: forget the choice.
      if (next === systemTheme()) localStorage.removeItem(THEME_KEY)
      else localStorage.setItem(THEME_KEY, next)
    } catch {
      // Storage can be unavailable (private modes); the toggle still works for this page.
    }
    window.dispatchEvent(new Event(CHANGED))
  }, [])

  return { theme, toggle }
}
