/**
 * The rule between layers, checked by `npm run check:layers` (part of `npm test`). A violation fails the build
 * and names the rule. The map, in short:
 *
 *   shared    pure code every process may import: imports nothing of ours, no Node, no Electron
 *   core      the Electron-free work (services and the handlers of every contract call): shared + libraries
 *   main      Electron wiring only; cli and preview are the other doors: each imports core and shared
 *   preload   the sandboxed bridge: shared + electron
 *   renderer  the React UI: shared + itself (it reaches the core only through the contract)
 *
 * Inside core, each folder with an `index.ts` is a module: other folders import its index, never past it.
 * Tests may also import a module's `testing.ts` (fixtures and builders made for them).
 */
const ELECTRON = '(^|/)node_modules/(electron|electron-store|electron-updater)/';
const BARREL_FOLDER = '^src/core/[^/]+/';

module.exports = {
  forbidden: [
    {
      name: 'shared-imports-nothing-of-ours',
      comment: 'src/shared is imported by every process, the sandboxed preload and the page included.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(?!shared/)' },
    },
    {
      name: 'shared-is-pure',
      comment: 'src/shared runs in the page and the preload too: no Node built-ins, no Electron.',
      severity: 'error',
      from: { path: '^src/shared/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-imports-shared-and-libraries',
      comment: 'src/core is used by three doors (app, CLI, preview): it may not depend on any of them.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(?!core/|shared/)' },
    },
    {
      name: 'core-never-imports-electron',
      comment: 'src/core must run in plain Node (the CLI, the preview, the tests): Electron is wired in src/main.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: ELECTRON },
    },
    {
      name: 'doors-import-core-and-shared',
      comment: 'main, cli and preview are separate doors onto the core; none imports another door or the page.',
      severity: 'error',
      from: { path: '^src/(main|cli|preview)/' },
      to: { path: '^src/(?!core/|shared/|$1/)' },
    },
    {
      name: 'only-main-and-preload-import-electron',
      comment: 'Electron exists only in the app; the CLI and the preview run in plain Node.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/(main|preload)/', '\\.test\\.tsx?$'] },
      to: { path: ELECTRON },
    },
    {
      name: 'preload-imports-shared',
      comment: 'The sandboxed preload is one self-contained file: shared name lists and electron only.',
      severity: 'error',
      from: { path: '^src/preload/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(?!preload/|shared/)' },
    },
    {
      name: 'renderer-imports-shared-and-itself',
      comment: 'The page reaches the core only through the typed contract (src/shared/contract.ts).',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { path: '^src/(?!renderer/|shared/)' },
    },
    {
      name: 'renderer-has-no-node',
      comment: 'The page is sandboxed: no Node built-ins.',
      severity: 'error',
      from: { path: '^src/renderer/', pathNot: '\\.test\\.tsx?$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'import-core-modules-through-their-index',
      comment: "A core folder's index.ts is its public surface: other folders import that, not the files behind it.",
      severity: 'error',
      // The self-test loads one module at a time on purpose, so a broken native module fails its own check
      // instead of the whole run (a barrel, once bundled, can drag the app's Electron code into its chunk).
      from: { path: '^src/core/([^/]+)/', pathNot: '^src/core/self-test/' },
      to: { path: `${BARREL_FOLDER}(?!index\\.ts$)`, pathNot: '^src/core/$1/' },
    },
    {
      name: 'doors-import-core-modules-through-their-index',
      comment: "A core folder's index.ts is its public surface: main, cli and preview import that, not what is behind it.",
      severity: 'error',
      from: { path: '^src/', pathNot: BARREL_FOLDER },
      to: { path: `${BARREL_FOLDER}(?!index\\.ts$)` },
    },
    {
      name: 'tests-import-core-modules-through-their-index',
      comment: "Tests use a core folder's index.ts (or its testing.ts), like the code does.",
      severity: 'error',
      from: { path: '^(tests|bench)/' },
      to: { path: `${BARREL_FOLDER}(?!index\\.ts$|testing\\.ts$)` },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes load order matter and hides which module owns what.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|tests/fixtures)/' },
    // TypeScript 7's native compiler has no JavaScript API yet, so sources are parsed with swc, which reports
    // type-only imports too (a type import across a layer is still a dependency on that layer; the layer test
    // proves it). tsPreCompilationDeps would ask for the tsc API, which 7.0 lacks.
    parser: 'swc',
    tsPreCompilationDeps: false,
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.cjs', '.json', '.d.ts'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
