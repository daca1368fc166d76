// One Jest run for every package. The global setup starts the real stack once
// (MongoDB wire server, runtime, engine, workers); tests talk to it over HTTP and Socket.io.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'es6' } }];

export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/contracts/src', '<rootDir>/documents/src', '<rootDir>/engine/src', '<rootDir>/workers/src', '<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  globalSetup: '<rootDir>/tests/harness/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/harness/global-teardown.mjs',
  reporters: ['default', '<rootDir>/tests/harness/summary-reporter.mjs'],
  testTimeout: 180_000,
  maxWorkers: 2,
};
