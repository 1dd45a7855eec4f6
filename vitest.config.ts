import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built binary, git, tmux and Chromium: give them room on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // eis check keeps reports in a cache folder: the binary runs of the tests use their own, removed at the end.
    globalSetup: ['test/helpers/cache-folder.ts'],
  },
});
