import { Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as cxapi from 'aws-cdk-lib/cx-api';

/**
 * The app client resource of this library's constructs: a plain `CfnUserPoolClient` that can hand the stack the
 * rendering the validation already made, instead of rendering itself a second time (issue 15).
 *
 * The construct's validation renders the stack's Cognito resources exactly as the stack will (`stack.resolve` of
 * `_toCloudFormation()`, after CDK prepared the app) to lint them. Resolving a resource is most of what its synthesis
 * costs (about 0.2 ms per client, 90 ms at 450 clients), and the stack resolves it again a moment later, in the same
 * `app.synth()`, with nothing changed in between. So the resource keeps the rendering it was linted in, and gives it
 * to the stack's template in place of a new one, once.
 *
 * Only when it is certain to be that same synthesis: the stack adds an `aws:cdk:templateFile` metadata entry just
 * before it renders its template, so the rendering is used only if exactly one more such entry exists than when it
 * was kept. Anything else (a synthesis that failed before this stack was written, a second `app.synth()`, the
 * render CDK makes while preparing the app, a nested stack, whose template is written during preparation, or a CDK
 * that stops adding the entry) renders as usual. A kept rendering is used at most once.
 */
export class RenderOnceUserPoolClient extends cognito.CfnUserPoolClient {
  private kept?: { readonly fragment: object; readonly templateFiles: number };

  /**
   * Keeps `fragment`, this resource's `stack.resolve(_toCloudFormation())`, for the stack's next template;
   * `templateFiles` is {@link templateFilesOf} the stack now.
   */
  public keepRendered(fragment: object, templateFiles: number): void {
    this.kept = Stack.of(this).nested ? undefined : { fragment, templateFiles };
  }

  /** @internal */
  public _toCloudFormation(): object {
    const kept = this.kept;
    this.kept = undefined;
    if (kept && templateFilesOf(Stack.of(this)) === kept.templateFiles + 1) return kept.fragment;
    return super._toCloudFormation();
  }
}

/** How many times the stack has started writing its template (one metadata entry each time). */
export function templateFilesOf(stack: Stack): number {
  let count = 0;
  for (const entry of stack.node.metadata) if (entry.type === cxapi.CDK_TEMPLATE_FILE_KEY) count++;
  return count;
}
