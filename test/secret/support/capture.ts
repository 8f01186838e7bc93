/**
 * Captures everything a handler writes: console.* and direct process.stdout/stderr writes.
 * Used to prove that no secret reaches a log line.
 */
export interface Captured {
  text(): string;
  restore(): void;
}

export function captureOutput(): Captured {
  const chunks: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const originals = methods.map((m) => console[m]);
  methods.forEach((m) => {
    console[m] = (...args: unknown[]) => { chunks.push(args.map((a) => (typeof a === 'string' ? a : safeStringify(a))).join(' ')); };
  });
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((c: string | Uint8Array) => { chunks.push(String(c)); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((c: string | Uint8Array) => { chunks.push(String(c)); return true; }) as typeof process.stderr.write;
  return {
    text: () => chunks.join('\n'),
    restore: () => {
      methods.forEach((m, i) => { console[m] = originals[i]; });
      process.stdout.write = out;
      process.stderr.write = err;
    },
  };
}

function safeStringify(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}\n${value.stack ?? ''}`;
  try { return JSON.stringify(value); } catch { return String(value); }
}

/** Everything observable about an outcome (result or error) as one searchable string. */
export function describeOutcome(outcome: unknown): string {
  return safeStringify(outcome);
}
