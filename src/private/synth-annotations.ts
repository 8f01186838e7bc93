import { Annotations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** The switch CDK reads when `Annotations.of()` is called: set, annotations carry no stack trace. */
const DISABLE_STACK_TRACE = 'CDK_DISABLE_STACK_TRACE';

/**
 * `Annotations.of(construct)` for the findings this library reports while the app synthesizes (construct validation,
 * the Aspect), without the stack trace CDK records with each annotation to show where it was added. For these
 * annotations that place is always CDK's synthesis calling into this library, never the user's code (the trace ends
 * in `app.synth()`), and capturing it cost about 0.1 ms and 2.5 KB of manifest per warning: 30-45 ms and 740 KB at
 * 450 clients (issue 15). Everything else is CDK's own `addWarningV2` / `addError`: the `[ack: <id>]` suffix, CDK's
 * acknowledgements, the message dedup. CDK reads `CDK_DISABLE_STACK_TRACE` when the Annotations object is created, so
 * it is set only for that call; synthesis is synchronous, so nothing else runs while it is set.
 */
export function synthAnnotations(construct: IConstruct): Annotations {
  const previous = process.env[DISABLE_STACK_TRACE];
  process.env[DISABLE_STACK_TRACE] = '1';
  try {
    return Annotations.of(construct);
  } finally {
    if (previous === undefined) delete process.env[DISABLE_STACK_TRACE];
    else process.env[DISABLE_STACK_TRACE] = previous;
  }
}
