'use strict';
/**
 * The floor for the lint benchmark: `node parse-floor.js <file> <libdir>` reads the file and parses it with the
 * parser the CLI uses (JSON.parse, or the CLI's own CloudFormation YAML parser from the compiled library), then exits.
 */
const { readFileSync } = require('fs');

const [file, libdir] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
if (file.endsWith('.json')) {
  JSON.parse(text);
} else {
  require(`${libdir}/compliance/cli/cfn-yaml`).parseCloudFormationYaml(text);
}
