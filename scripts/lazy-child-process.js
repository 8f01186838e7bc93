'use strict';
/**
 * `node:child_process` for the bundled CLI, loaded on first use. commander requires it when it loads, for executable
 * subcommands, which this CLI does not have; loading it (and `net`, which it pulls in) cost about 5 ms of every run.
 */
let childProcess;
module.exports = new Proxy({}, {
  get(_target, name) {
    childProcess ??= require('child_process');
    return childProcess[name];
  },
});
