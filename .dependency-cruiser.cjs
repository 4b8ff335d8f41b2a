// The direction of the code, enforced (docs/ARCHITECTURE.md, "Direction"): `npm run deps` and the
// architecture test in `npm test` fail on any of these. Paths are relative to the repository root.
const SHELL = '^src/(app|services|modules|main|cli)\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'No file may depend on itself through others: cycles tie modules into one.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'platform-knows-no-module',
      comment: 'The platform (db, http, auth, audit, i18n, views, jobs, mail, search) knows no module and not the app shell.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: ['^src/modules/', SHELL] },
    },
    {
      name: 'modules-not-to-the-shell',
      comment: 'A module never imports the composition root or the app shell: it is given what it needs.',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: SHELL },
    },
    {
      name: 'modules-through-their-surface',
      comment: "A module uses another module only through that module's index.ts, never its files.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.tsx?$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)node_modules/' },
  },
};
