// Module boundaries (docs/architecture.md), checked on real resolved paths, static and dynamic
// imports alike, by `npm test` (scripts/test.mjs → npm run boundaries).
const TEST = '(\\.test\\.tsx?$|/testing/)'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere: a cycle means two parts cannot be understood (or loaded) one after the other.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-knows-no-module',
      severity: 'error',
      comment: 'platform/ is plumbing that knows no domain: it never imports a module or the composition root.',
      from: { path: '^src/platform/', pathNot: TEST },
      to: { path: '^src/(modules|app)/' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'domain/ holds rules as pure code and data: no platform, no database, no modules.',
      from: { path: '^src/domain/', pathNot: TEST },
      to: { path: '^src/(modules|app|platform|db)/' },
    },
    {
      name: 'only-entries-know-the-app',
      severity: 'error',
      comment: 'src/app is the composition root: only the entry (src/main.ts), its CLIs and tests import it.',
      from: { path: '^src/', pathNot: ['^src/app/', '^src/main\\.ts$', TEST] },
      to: { path: '^src/app/' },
    },
    {
      name: 'modules-meet-through-index',
      severity: 'error',
      comment: 'A module reaches another module only through that module\'s index.ts (its read API).',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'modules-use-db-client-only',
      severity: 'error',
      comment: 'Of src/db a module uses the client (transactions under RLS) only.',
      from: { path: '^src/modules/', pathNot: TEST },
      to: { path: '^src/db/', pathNot: '^src/db/client\\.ts$' },
    },
    {
      name: 'index-is-a-read-api',
      severity: 'error',
      comment: 'A module\'s index.ts exports queries and types: no views (JSX) and no route handlers.',
      from: { path: '^src/modules/[^/]+/index\\.ts$' },
      to: { path: ['\\.tsx$', 'routes\\.tsx?$', '/module\\.ts$'] },
    },
    {
      name: 'app-code-does-not-use-tests',
      severity: 'error',
      comment: 'Test helpers (tests/) are for tests only.',
      from: { path: '^(src|demo|bench)/', pathNot: TEST },
      to: { path: '^tests/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves (a typo in a path is caught here, dynamic imports included).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules', '^data/', '^test-output/', '^tests/fixtures/boundaries/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
