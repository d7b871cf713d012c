/** @type {import('jest').Config} */
module.exports = {
  testMatch: ['<rootDir>/tests/**/*.test.ts', '<rootDir>/tests/**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  reporters: ['default', '<rootDir>/tests/support/summaryReporter.js'],
  testTimeout: 30000,
  // A fresh worker for every test file. Run in band (one worker on two cores), suites share
  // one process, and whatever a suite leaves running (a database, a timer) slowed the later
  // ones five-fold until their setup timed out. The limit is below any worker's size, so each
  // worker is recycled after its file; starting one costs about a second.
  workerIdleMemoryLimit: '50MB',
};
