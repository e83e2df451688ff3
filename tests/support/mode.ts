// `npm test` runs the quick versions of the long security tests; `npm run test:full` (FULL=1) the full ones.
export const FULL = process.env.FULL === '1'
