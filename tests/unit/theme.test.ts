import { THEME_SCRIPT, THEME_STORAGE_KEY } from '@/lib/theme'

// The inline theme script is allowed by a Content-Security-Policy hash: any change to it must be deliberate.
describe('THEME_SCRIPT', () => {
  it('reads the key the theme switch writes', () => {
    expect(THEME_SCRIPT).toContain(`localStorage.getItem("${THEME_STORAGE_KEY}")`)
  })

  it('is the exact text the Content-Security-Policy hash was computed from', () => {
    expect(THEME_SCRIPT).toBe(
      '(function(){try{var t=localStorage.getItem("theme");if(t==="light"||t==="dark")document.documentElement.setAttribute("data-theme",t)}catch(e){}})()',
    )
  })

  it('sets only a known theme, and survives storage that throws', () => {
    const run = (storage: { getItem: (key: string) => string | null }) => {
      const attributes: Record<string, string> = {}
      const documentElement = { setAttribute: (name: string, value: string) => (attributes[name] = value) }
      new Function('localStorage', 'document', THEME_SCRIPT)(storage, { documentElement })
      return attributes
    }
    expect(run({ getItem: () => 'dark' })).toEqual({ 'data-theme': 'dark' })
    expect(run({ getItem: () => 'light' })).toEqual({ 'data-theme': 'light' })
    expect(run({ getItem: () => '"><script>' })).toEqual({})
    expect(run({ getItem: () => null })).toEqual({})
    expect(
      run({
        getItem: () => {
          throw new Error('denied')
        },
      }),
    ).toEqual({})
  })
})
