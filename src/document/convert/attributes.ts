/**
 * Reading a directive's {attributes} and [label], with a CP2103 for anything
 * unknown, missing or wrong.
 */
import type { Directive, PhrasingContent } from '../syntax/nodes.js';
import { closest } from '../../core/did-you-mean.js';
import { report, type Context } from './context.js';
import type { DirectiveKind } from './directive-names.js';

const WRITTEN: Record<DirectiveKind, string> = { containerDirective: ':::', leafDirective: '::', textDirective: ':' };

export function written(node: Directive): string {
  return `${WRITTEN[node.type]}${node.name}`;
}

/**
 * The attributes, after reporting those not in `allowed` and the `required`
 * ones that are missing or empty. Values are as written (character references
 * decoded).
 */
export function readAttributes(
  node: Directive,
  ctx: Context,
  allowed: readonly string[],
  required: readonly string[] = [],
  example = '',
): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(node.attributes ?? {})) {
    if (!allowed.includes(key)) {
      const near = closest(key, allowed);
      const shorthand = key === 'id' || key === 'class' ? ` (from "${key === 'id' ? '#' : '.'}…")` : '';
      report(
        ctx,
        'CP2103',
        node,
        `an attribute "${key}"${shorthand} on ${written(node)}`,
        allowed.length ? `its attributes are ${allowed.join(', ')}` : `${written(node)} takes no attributes`,
        near ? `did you mean ${near}="…"?` : example ? `write ${example}` : undefined,
      );
      continue;
    }
    attributes[key] = value ?? '';
  }
  for (const key of required) {
    if ((attributes[key] ?? '').trim() === '') {
      report(ctx, 'CP2103', node, `${written(node)} without ${key}="…"`, `${written(node)} needs ${required.map((k) => `${k}="…"`).join(' and ')}`, example ? `write ${example}` : undefined);
    }
  }
  return attributes;
}

/** The label's content, of any kind of directive. */
export function labelOf(node: Directive): readonly PhrasingContent[] | undefined {
  if (node.type === 'containerDirective') return node.label?.children;
  return node.children.length ? node.children : undefined;
}

/** Reports a [label] on a directive that takes none. */
export function noLabel(node: Directive, ctx: Context): void {
  if (labelOf(node)) report(ctx, 'CP2103', node, `a [label] on ${written(node)}`, `${written(node)} takes no label`, `remove the […] after ${written(node)}`);
}

/** True when a value is still a template placeholder (template mode): it is filled in by the data. */
export function isPlaceholder(ctx: Context, value: string | undefined): boolean {
  return ctx.mode === 'template' && value !== undefined && value.includes('{{');
}
