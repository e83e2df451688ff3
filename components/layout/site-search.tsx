// The search box in the masthead: a plain GET form, so it works before (and without) any JavaScript.
export function SiteSearch() {
  return (
    <form className="site-search" role="search" aria-label="Site" action="/search" method="get">
      <label htmlFor="site-search-q" className="visually-hidden">
        Search articles
      </label>
      <input id="site-search-q" className="site-search__input" type="search" name="q" autoComplete="off" enterKeyHint="search" maxLength={200} />
      <button type="submit" className="site-search__button">
        Search
      </button>
    </form>
  )
}
