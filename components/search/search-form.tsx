// The search page's own form, holding the query so it can be changed; a plain GET form like the masthead's.
export function SearchForm({ query }: { query: string }) {
  return (
    <form className="search-form" action="/search" method="get">
      <label htmlFor="search-q" className="search-form__label">
        Search for
      </label>
      <div className="search-form__row">
        <input
          id="search-q"
          className="search-form__input"
          type="search"
          name="q"
          defaultValue={query}
          autoComplete="off"
          enterKeyHint="search"
          maxLength={200}
          aria-describedby="search-help"
        />
        <button type="submit" className="button">
          Search
        </button>
      </div>
      <p id="search-help" className="search-form__help">
        Searches headlines, standfirsts and article text. Every word must appear; the last may be the start of a word.
      </p>
    </form>
  )
}
