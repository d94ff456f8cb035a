/**
 * The layer order of libs/ (docs/adr/0007-layers.md), enforced in CI (`npm run lint:layers`): a lib imports only
 * libs in lower layers, another lib only through its index (`#name`), and nothing imports the apps. Layers list the
 * libs from the bottom; libs in one layer are peers and do not import each other.
 */
const LAYERS = [
  ['common'],
  ['database', 'funding-rules'],
  ['identity'],
  ['queue', 'notifications', 'reference-data'],
  ['goals'],
  ['portfolio'],
  ['funding'],
  ['alerts', 'results', 'initiative-import'],
  ['follow-up', 'integration'],
  ['portfolio-review', 'jobs'],
  ['schema'],
  ['demo'],
];

const upward = LAYERS.flatMap((layer, index) => {
  const notBelow = LAYERS.slice(index).flat();
  return layer.map((lib) => ({
    name: `layer-${lib}`,
    comment: `${lib} may import only libs below its layer (${LAYERS.slice(0, index).flat().join(', ') || 'none'})`,
    severity: 'error',
    from: { path: `^libs/${lib}/` },
    to: { path: `^libs/(${notBelow.filter((other) => other !== lib).join('|')})/` },
  }));
});

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'through-the-index',
      comment: 'another lib is reached through its index (#name), never a file inside it',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: {
        path: '^libs/',
        pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$', '^libs/database/src/testing/index\\.ts$'],
      },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      comment:
        'modules that import each other, directly or round about (bar TypeORM entities naming each other in relations)',
      severity: 'error',
      from: { path: '^(apps/(api|worker)|libs)/', pathNot: '\\.entity\\.ts$' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { path: '^(apps/(api|worker)|libs)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/|\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // `#name` imports resolve through package.json's "imports" to the lib's source (the "types" condition).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'default'],
      extensions: ['.ts', '.js'],
    },
    reporterOptions: { dot: { collapsePattern: '^libs/[^/]+' } },
  },
};
