/**
 * Type checking is done once by `tsc --noEmit` in `npm test`; ts-jest only transpiles (isolatedModules).
 * globalSetup builds the bundles first (test/support/build.js): the suites load build/ and dist/.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }] },
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/support/build.js',
};
