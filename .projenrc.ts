import { awscdk, javascript } from 'projen';

// The single source of truth for package.json, tsconfig, jest and eslint.
// Edit this file, then run `npx projen` to regenerate the managed files.
const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-cognito-clients',
  description:
    'Validated Amazon Cognito user pool clients and domains for the AWS CDK: secure defaults, every Cognito constraint checked at synth time, a CDK validation plugin and the cognito-client-lint CLI.',
  author: 'cdk-cognito-clients maintainers',
  authorAddress: 'maintainers@cdk-cognito-clients.dev',
  repositoryUrl: 'https://github.com/cdk-cognito-clients/cdk-cognito-clients.git',
  license: 'Apache-2.0',
  keywords: ['cdk', 'awscdk', 'cognito', 'oauth', 'oidc', 'user-pool-client', 'compliance', 'lint'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  jsiiVersion: '~6.0.0',

  // The stable `Validations` plugin API (used by the compliance plugin) arrived in 2.257.0.
  cdkVersion: '2.276.0',
  constructsVersion: '10.5.1',
  minNodeVersion: '20.0.0',

  // zod, yaml, commander, xmlbuilder2 and the Cognito SDK client are internal: no type of theirs appears in the public
  // API. The SDK client serves `cognito-client-lint audit` (read-only calls on a live account).
  bundledDeps: ['zod@^4', 'yaml@^2', 'commander@^14', 'xmlbuilder2@^4', '@aws-sdk/client-cognito-identity-provider@^3'],
  devDeps: [
    'aws-cdk@^2',
    'fast-check@^4',
    'cognito-local@5.3.0',
    'oidc-provider@^9',
    'aws-jwt-verify@^5',
    '@aws-sdk/client-secrets-manager@^3',
    '@types/aws-lambda',
    'cdk-preflight',
    'esbuild',
  ],
  // cdk-nag is an optional peer: only the nag pack (its own entry point, never the index) loads it. projen also adds it
  // as a dev dependency pinned to the lowest accepted version, which jsii requires of every peer.
  peerDeps: ['cdk-nag@^3.0.2'],
  // The bin runs the CLI bundled into one file after compilation (scripts/bundle-cli.js: node loads one module, not ~150)
  // through a V8 code cache (src/compliance/cli/bin.ts).
  bin: { 'cognito-client-lint': 'lib/compliance/cli/bin.js' },

  // Lambda handlers are declared one by one below (bundling differs per handler).
  lambdaAutoDiscover: false,

  // Publishing targets. Only the JS package is built locally and in CI (see packageTask below).
  publishToPypi: { distName: 'cdk-cognito-clients', module: 'cdk_cognito_clients' },
  publishToMaven: {
    javaPackage: 'io.github.cdkcognitoclients',
    mavenGroupId: 'io.github.cdk-cognito-clients',
    mavenArtifactId: 'cdk-cognito-clients',
  },
  publishToNuget: { dotNetNamespace: 'CdkCognitoClients', packageId: 'CdkCognitoClients' },
  publishToGo: { moduleName: 'github.com/cdk-cognito-clients/cdk-cognito-clients-go' },

  githubOptions: { mergify: false },
  jestOptions: {
    // Snapshots are assertions: CI must fail on a changed snapshot, never rewrite it.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      setupFiles: ['<rootDir>/test/setup-env.ts'],
      testTimeout: 60_000,
      // Two cores in CI: use both (jest's default leaves one idle).
      maxWorkers: 2,
    },
  },
  tsconfigDev: { compilerOptions: { esModuleInterop: true } },
  gitignore: ['/examples/cdk.out', '/bench/work', '/.cognito', 'cdk.out'],

});

// cdk-nag is optional: only the nag pack (imported from its own entry point, never from the index) needs it.
project.package.addField('peerDependenciesMeta', { 'cdk-nag': { optional: true } });

// The registry reachable here has only Linux builds of unrs-resolver 1.13.0; 1.12.2 keeps `npm ci` working.
project.package.addPackageResolutions('unrs-resolver@1.12.2');

// Lambda handlers, bundled by esbuild into assets/ with a pinned runtime. The verification handler uses the AWS SDK v3
// of the Lambda runtime (external: a tiny bundle).
for (const name of ['client-verification']) {
  new awscdk.LambdaFunction(project, {
    entrypoint: `src/secret/${name}.lambda.ts`,
    cdkDeps: project.cdkDeps,
    runtime: awscdk.LambdaRuntime.NODEJS_22_X,
    bundlingOptions: { externals: ['@aws-sdk/*'], sourcemap: false },
  });
}
// Cognito's client-secret APIs (AddUserPoolClientSecret, ListUserPoolClientSecrets, DeleteUserPoolClientSecret) are
// newer than the SDK built into the runtime: the rotation handler and the writer (which lists the client's active
// secrets) bundle their SDK clients, minified.
for (const name of ['client-secret-writer', 'client-secret-rotation']) {
  new awscdk.LambdaFunction(project, {
    entrypoint: `src/secret/${name}.lambda.ts`,
    cdkDeps: project.cdkDeps,
    runtime: awscdk.LambdaRuntime.NODEJS_22_X,
    bundlingOptions: { externals: [], sourcemap: false },
  });
}

// Minified bundles (projen's bundler has no per-function minify option).
for (const [name, external] of [['client-secret-writer', false], ['client-verification', true], ['client-secret-rotation', false]] as const) {
  const entry = `secret/${name}.lambda`;
  project.tasks.tryFind(`bundle:${entry}`)!.reset([
    `esbuild --bundle src/${entry}.ts --target=node22 --platform=node --outfile=assets/${entry}/index.js`,
    '--tsconfig=test/tsconfig.json --minify --legal-comments=none',
    external ? "'--external:@aws-sdk/*'" : '',
  ].join(' ').trim());
}

// After jsii has compiled lib/: bundle the CLI (the package's bin) into lib/compliance/cli/bundle.js.
project.postCompileTask.exec('node scripts/bundle-cli.js lib');

// Benchmarks (not part of the tests): synth overhead, lint throughput, the peer, handler size and cold start, memory.
project.addTask('bench', { description: 'Run the benchmarks; prints a table and writes bench/results.json', exec: 'node bench/run.js', receiveArgs: true });

// The long fuzz run (20,000 cases per property; FUZZ_RUNS and FUZZ_SEED to change or replay); CI runs a short one.
project.addTask('fuzz', { description: 'Long property-based fuzz run of the rule engine', exec: 'node -r ts-node/register/transpile-only test/reliability/fuzz-long.ts' });

// The expected-findings corpus (test/fixtures/): rewrite the stored findings after a deliberate change, then review the diff.
project.addTask('fixtures:update', {
  description: 'Regenerate the expected findings of the template corpus',
  exec: 'ts-node --transpile-only scripts/update-expected-findings.ts',
});

// Build and test the JavaScript package only: PyPI, Maven, NuGet and Go toolchains are not reachable here.
project.packageTask.reset();
project.packageTask.spawn(project.tasks.tryFind('package:js')!);

// Quick start: synthesize the example app with the CDK CLI, then lint its cloud assembly.
project.addTask('example', {
  description: 'Synthesize examples/app.ts and print the cognito-client-lint report of its templates',
  steps: [
    { spawn: 'bundle' },
    { exec: 'cdk synth --quiet --app "ts-node --transpile-only --prefer-ts-exts examples/app.ts" --output examples/cdk.out' },
    { exec: 'ts-node --transpile-only --prefer-ts-exts src/compliance/cli.ts examples/cdk.out' },
  ],
});

project.npmignore?.exclude('/examples', '/bench', '/.ci');
project.synth();
