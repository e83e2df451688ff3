// End-to-end tests drive a real browser against a real server: allow them time.
jest.setTimeout(120_000)
