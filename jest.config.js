/**
 * Type checking is done once by `tsc --noEmit` in `npm test`; ts-jest only transpiles (isolatedModules).
 * globalSetup builds the bundles first (test/support/build.js): the suites load build/ and dist/.
 *
 * Two workers at least: jest's default (cores − 1) runs a 2-core CI machine in band, one suite at a
 * time, though the slow suites spend much of their time waiting on spawned CLI processes and held
 * locks. The sequencer starts the longest suites first (a clean clone has no timing cache).
 */
const os = require('os');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }] },
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/support/build.js',
  maxWorkers: Math.max(2, os.cpus().length - 1),
  testSequencer: '<rootDir>/test/support/sequencer.js',
};
