'use client'
// The theme island: three pressed-or-not buttons (system, light, dark). The inline script in the root layout applies
// a stored choice before the first paint; this island changes and stores it. <html data-theme> is the only state.
import { useLayoutEffect, useSyncExternalStore } from 'react'
import { THEME_STORAGE_KEY, type ThemeChoice } from '@/lib/theme'

const listeners = new Set<() => void>()

function current(): ThemeChoice {
  const value = document.documentElement.getAttribute('data-theme')
  return value === 'light' || value === 'dark' ? value : 'system'
}

function stored(): ThemeChoice {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY)
    return value === 'light' || value === 'dark' ? value : 'system'
  } catch {
    return 'system'
  }
}

function apply(choice: ThemeChoice): void {
  if (choice === 'system') document.documentElement.removeAttribute('data-theme')
  else document.documentElement.setAttribute('data-theme', choice)
  listeners.forEach((listener) => listener())
}

function choose(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY)
    else localStorage.setItem(THEME_STORAGE_KEY, choice)
  } catch {
    // Storage disabled: the choice still holds for this page.
  }
  apply(choice)
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange)
  // A choice made in another tab applies here too.
  const onStorage = (event: StorageEvent) => {
    if (event.key === THEME_STORAGE_KEY || event.key === null) apply(stored())
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(onChange)
    window.removeEventListener('storage', onStorage)
  }
}

const OPTIONS: { value: ThemeChoice; label: string; icon: React.ReactNode }[] = [
  {
    value: 'system',
    label: 'System theme',
    icon: (
      <>
        <circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M12 4a8 8 0 0 1 0 16z" fill="currentColor" />
      </>
    ),
  },
  {
    value: 'light',
    label: 'Light theme',
    icon: (
      <>
        <circle cx="12" cy="12" r="4" fill="currentColor" />
        <path
          d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        />
      </>
    ),
  },
  {
    value: 'dark',
    label: 'Dark theme',
    icon: <path d="M20 14.5A8.5 8.5 0 0 1 9.5 4a8.5 8.5 0 1 0 10.5 10.5z" fill="currentColor" />,
  },
]

export function ThemeSwitch() {
  // The server cannot know the choice: it renders "system", and CSS shows the real choice from <html data-theme>
  // until this hydrates and aria-pressed catches up.
  const choice = useSyncExternalStore(subscribe, current, () => 'system' as const)

  // React's development remount resets <html>'s attributes; put the stored choice back (a no-op in production).
  useLayoutEffect(() => {
    const saved = stored()
    if (saved !== current()) apply(saved)
  }, [])

  return (
    <div className="theme-switch" role="group" aria-label="Colour theme">
      {OPTIONS.map((option) => (
        <button
          key={option.value}
          type="button"
          className="theme-switch__button"
          data-theme-choice={option.value}
          aria-pressed={choice === option.value}
          title={option.label}
          onClick={() => choose(option.value)}
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            {option.icon}
          </svg>
          <span className="visually-hidden">{option.label}</span>
        </button>
      ))}
    </div>
  )
}
