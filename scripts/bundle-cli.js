'use strict';
/**
 * Bundles the cognito-client-lint CLI into one file, so that node loads one module instead of about 150 (measured side
 * by side on a 10-client template: 0.89x the wall time of the unbundled CLI). Packages that only some runs need stay
 * external and load from node_modules on demand: yaml (YAML input), xmlbuilder2 (--format junit), zod (a malformed
 * resource or template), the AWS SDK (audit).
 *
 * `node scripts/bundle-cli.js [libdir]` bundles <libdir>/compliance/cli.js into <libdir>/compliance/cli/bundle.js, the
 * package's bin (the build runs it after jsii; bundle.js sits where main.js does, so its package.json lookup holds).
 * The tests and the bench call bundleCli() with the same options.
 */
const { createHash } = require('crypto');
const fs = require('fs');
const path = require('path');
const { buildSync } = require('esbuild');

const EXTERNAL = ['yaml', 'xmlbuilder2', 'zod', '@aws-sdk/*'];

function bundleCli(entry, outfile) {
  buildSync({
    entryPoints: [entry], outfile, bundle: true, minify: true, platform: 'node', target: 'node20', format: 'cjs',
    external: EXTERNAL, logLevel: 'warning',
    alias: { 'node:child_process': path.join(__dirname, 'lazy-child-process.js') },
  });
  writeDigest(outfile);
  return outfile;
}

/**
 * `<name>.digest.js` beside the bundle: its sha256, so that the bin keys its code cache without loading node's crypto
 * module (about 6 ms of every run). A .js file, because the package ships only .js and .d.ts files from lib/.
 */
function writeDigest(outfile) {
  const digest = createHash('sha256').update(fs.readFileSync(outfile)).digest('hex');
  fs.writeFileSync(outfile.replace(/\.js$/, '.digest.js'), `'use strict';\nmodule.exports = '${digest}';\n`);
}

module.exports = { bundleCli, EXTERNAL };

if (require.main === module) {
  const lib = path.resolve(process.argv[2] || 'lib');
  bundleCli(path.join(lib, 'compliance', 'cli.js'), path.join(lib, 'compliance', 'cli', 'bundle.js'));
}
