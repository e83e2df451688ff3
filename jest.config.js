// Jest: unit and database tests in node, components in jsdom, end-to-end tests in a real Chromium against `next start`.
const nextJest = require('next/jest.js')

const createJestConfig = nextJest({ dir: './' })

const shared = {
  moduleNameMapper: {
    '^server-only$': '<rootDir>/tests/support/empty-module.js',
    '^@/(.*)$': '<rootDir>/$1',
  },
}

module.exports = async () => {
  const unit = await createJestConfig({
    ...shared,
    displayName: 'unit',
    testEnvironment: 'node',
    testMatch: ['<rootDir>/tests/unit/**/*.test.ts?(x)', '<rootDir>/tests/db/**/*.test.ts?(x)'],
  })()
  const components = await createJestConfig({
    ...shared,
    displayName: 'components',
    testEnvironment: 'jsdom',
    setupFilesAfterEnv: ['<rootDir>/tests/support/jest-dom.ts'],
    testMatch: ['<rootDir>/tests/components/**/*.test.ts?(x)'],
  })()
  const e2e = await createJestConfig({
    ...shared,
    displayName: 'e2e',
    testEnvironment: 'node',
    testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
    globalSetup: '<rootDir>/tests/e2e/support/global-setup.ts',
    globalTeardown: '<rootDir>/tests/e2e/support/global-teardown.ts',
    setupFilesAfterEnv: ['<rootDir>/tests/e2e/support/setup-timeout.ts'],
  })()
  return { projects: [unit, components, e2e] }
}
