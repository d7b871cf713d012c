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
};
