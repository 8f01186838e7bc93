/**
 * Keeps secret values out of anything that leaves a handler (log lines, error messages, responses).
 * Handlers never put a secret into a message on purpose; this is the second line of defence for text
 * that comes from elsewhere (an OAuth server's error_description, an SDK message).
 */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[REDACTED]');
  }
  return out;
}

/** Logs one JSON line of safe, named fields. Callers pass identifiers only, never credentials. */
export function logEvent(event: string, fields: Record<string, string | number | boolean | undefined> = {}): void {
  console.log(JSON.stringify({ event, ...fields }));
}
