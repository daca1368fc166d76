import { describe, expect, it } from '@jest/globals';
import { loadConfig } from './config.js';

const valid = {
  MONGODB_URI: 'mongodb://127.0.0.1:27017/diwan',
  DIWAN_RUNTIME_USER: 'diwan',
  DIWAN_RUNTIME_PASSWORD: 'secret',
  DIWAN_JWT_SECRET: 'x'.repeat(32),
  DIWAN_BRIDGE_TOKEN: 'y'.repeat(32),
  DIWAN_WORKER_TOKEN: 'z'.repeat(32),
  DIWAN_AUDIT_KEY: 'k'.repeat(32),
};

describe('configuration', () => {
  it('fills defaults around the required values', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({ PORT: 3000, NODE_ENV: 'development', DIWAN_RUNTIME_URL: 'http://localhost:8080/engine-rest', DIWAN_RECONCILE_EVERY_MINUTES: 5 });
  });

  it('takes the reconciler off its schedule with 0, and refuses a negative period', () => {
    expect(loadConfig({ ...valid, DIWAN_RECONCILE_EVERY_MINUTES: '0' }).DIWAN_RECONCILE_EVERY_MINUTES).toBe(0);
    expect(() => loadConfig({ ...valid, DIWAN_RECONCILE_EVERY_MINUTES: '-1' })).toThrow(/DIWAN_RECONCILE_EVERY_MINUTES/);
  });

  it('lists every problem at once', () => {
    expect(() => loadConfig({ ...valid, MONGODB_URI: undefined, DIWAN_JWT_SECRET: 'short', PORT: 'eighty' })).toThrow(
      /PORT[\s\S]*MONGODB_URI is required[\s\S]*DIWAN_JWT_SECRET must be at least 24 characters/,
    );
  });
});
