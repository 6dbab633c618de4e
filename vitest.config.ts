import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'rules/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Hooks and CLIs spawned by tests must not leave validate-quick daemons behind; the daemon's
    // own tests turn it back on.
    env: { TOLLGATE_DAEMON: '0' },
  },
});
