// Site identity and the editorial navigation: configuration, not data, so no layout ever reads the database.
export const site = {
  name: 'The Courier',
  tagline: 'Independent news and analysis',
  language: 'en',
  /** Main navigation, in order. Each slug is a section the seed creates. */
  navigation: [{ name: 'World', slug: 'world' }],
  perPage: 20,
} as const
