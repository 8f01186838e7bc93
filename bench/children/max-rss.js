'use strict';
/** Preloaded with `node -r`: writes the process's peak RSS (bytes) to $BENCH_RSS_FILE when it exits. */
const { writeFileSync } = require('fs');

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
