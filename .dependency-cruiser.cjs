// The architecture, as rules: `npx depcruise src` checks them, and test/architecture runs it in
// npm test. CONTRIBUTING.md draws the same map.
//   src/core  pure: data in, data out. No Node built-in, no file system, no terminal, no process.
//   src/edge  files, git, workers, caches, config discovery, the terminal: everything that touches
//             the machine. It may use core, never cli.
//   src/cli   one folder per command (flags.ts and run.ts), plus the program that ties them.
//   src/boot  starts the bundle; index.ts is the library's face.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle makes the order of loading matter and hides which file owns what.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'core imports no Node built-in: what touches the machine belongs in src/edge.',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-has-no-io-packages',
      severity: 'error',
      comment: 'Prompts, colour, globbing and config discovery are edges.',
      from: { path: '^src/core/' },
      to: { path: 'node_modules/(@inquirer|chalk|lilconfig|tinyglobby)' },
    },
    {
      name: 'core-imports-only-core',
      severity: 'error',
      comment: 'core must not reach into the edges or the commands.',
      from: { path: '^src/core/' },
      to: { path: '^src/(edge|cli|boot)/' },
    },
    {
      name: 'edge-does-not-import-cli',
      severity: 'error',
      from: { path: '^src/edge/' },
      to: { path: '^src/(cli|boot)/' },
    },
    {
      name: 'commands-stay-apart',
      severity: 'error',
      comment: 'A command folder uses the layers and cli/shared, not another command (the program in src/cli ties them).',
      from: { path: '^src/cli/([^/]+)/' },
      to: { path: '^src/cli/([^/]+)/', pathNot: ['^src/cli/$1/', '^src/cli/shared/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|test|scripts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
