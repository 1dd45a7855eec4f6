import { defineConfig } from 'vitest/config';

// Five projects, so the quick loop stays quick:
// - unit: the core and the edge in process (no built binary, no git, no terminal, no browser);
// - scale: in process too, slow: inputs far larger than people write, long equivalence runs and the
//   benchmark's corpus (`*.scale.test.ts`);
// - cli: the built binary, git and tmux, as users run them;
// - browser: rendered HTML in Chromium with axe-core;
// - hostile: hostile inputs, kill and full-disk suites (the slowest).
// `npm run test:unit` runs the first alone; `npm test` runs all five.
const cli = [
  'test/boot/**',
  'test/package/**',
  'test/check/cache.test.ts',
  'test/check/check-cli.test.ts',
  'test/check/coverage-cli.test.ts',
  'test/check/registry-cli.test.ts',
  'test/check/parallel.test.ts',
  'test/interview/accessible.e2e.test.ts',
  'test/interview/answers-cli.e2e.test.ts',
  'test/interview/line-endings.test.ts',
  'test/interview/terminal.e2e.test.ts',
  'test/lint/cli.test.ts',
  'test/lint/word-memo-cli.test.ts',
  'test/translations/third-language.test.ts',
  'test/translations/spanish-interview.e2e.test.ts',
  'test/migrate/migrate-cli.test.ts',
  'test/questionnaire/translation-source.test.ts',
  'test/questionnaire/vocabularies-cli.test.ts',
  'test/property/since.test.ts',
  'test/render/cli.test.ts',
  'test/render/docx-cli.test.ts',
  'test/render/many.test.ts',
  'test/render/pdf.test.ts',
  'test/render/snapshot.test.ts',
  'test/review/diff-git.test.ts',
  'test/review/gate.test.ts',
  'test/review/init.test.ts',
  'test/review/signoff-status.test.ts',
  'test/review/submodules.test.ts',
  'test/report/report-cli.test.ts',
];
const browser = ['test/render/browser.test.ts', 'test/review/status-browser.test.ts', 'test/report/report-browser.test.ts', 'test/translations/browser.test.ts'];
const hostile = ['test/hostile/*.test.ts'];
const scale = ['test/**/*.scale.test.ts'];

export default defineConfig({
  test: {
    // End-to-end tests spawn the built binary, git, tmux and Chromium: give them room on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // eis check keeps reports in a cache folder: the binary runs of the tests use their own, removed at the end.
    globalSetup: ['test/helpers/cache-folder.ts'],
    projects: [
      // In-process tests run first, on both cores, in threads that keep the modules they loaded from
      // one file to the next (a unit test must not rely on a module's state being fresh): loading
      // the core again for every file took most of the time. The others leave a core to the
      // processes they spawn.
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...scale, ...cli, ...browser, ...hostile], pool: 'threads', isolate: false, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      { extends: true, test: { name: 'scale', include: scale, sequence: { groupOrder: 1 } } },
      { extends: true, test: { name: 'cli', include: cli, sequence: { groupOrder: 1 } } },
      { extends: true, test: { name: 'browser', include: browser, sequence: { groupOrder: 1 } } },
      { extends: true, test: { name: 'hostile', include: hostile, sequence: { groupOrder: 1 } } },
    ],
  },
});
