'use strict';
/** Summaries of a V8 CPU profile (`node --cpu-prof`): self time by function and by file, and inclusive time of chosen functions. */
const { readFileSync } = require('fs');
const { relative } = require('path');

function load(path) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // Self time per node from the samples and their time deltas (microseconds).
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  return { profile, byId, parent, self };
}

function where(frame, root) {
  const url = (frame.url || '(native)').replace(/^file:\/\//, '');
  const file = url.startsWith('/') ? relative(root, url) : url;
  return { fn: frame.functionName || '(anonymous)', file, line: frame.lineNumber + 1 };
}

/** Top `limit` functions by self time, in milliseconds. */
function topSelf(path, root, limit = 15) {
  const { byId, self } = load(path);
  const totals = new Map();
  for (const [id, us] of self) {
    const { fn, file, line } = where(byId.get(id).callFrame, root);
    const key = `${fn} ${file}:${line}`;
    totals.set(key, (totals.get(key) ?? 0) + us);
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([key, us]) => ({ function: key, selfMs: round(us / 1000) }));
}

/** Self time grouped by file (package for node_modules), in milliseconds. */
function byFile(path, root, limit = 12) {
  const { byId, self } = load(path);
  const totals = new Map();
  for (const [id, us] of self) {
    const { file } = where(byId.get(id).callFrame, root);
    totals.set(file, (totals.get(file) ?? 0) + us);
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([file, us]) => ({ file, selfMs: round(us / 1000) }));
}

/**
 * Inclusive time (self time of the function and everything it called, counted once per sample) of every function
 * whose name matches `pattern`, grouped by name and file.
 */
function inclusive(path, root, pattern, limit = 15) {
  const { byId, parent, self } = load(path);
  const totals = new Map();
  for (const [id, us] of self) {
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const { fn, file, line } = where(byId.get(cur).callFrame, root);
      if (!pattern.test(`${fn} ${file}`)) continue;
      const key = `${fn} ${file}:${line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + us);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([key, us]) => ({ function: key, inclusiveMs: round(us / 1000) }));
}

function round(x) {
  return Math.round(x * 10) / 10;
}

module.exports = { topSelf, byFile, inclusive };
