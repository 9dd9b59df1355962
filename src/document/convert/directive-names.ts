/**
 * The directives casepress reads, by kind, and what an unknown or misused one
 * is told (CP2102). `:` text, `::` leaf (a line of its own), `:::` container
 * (closed by a line of `:::`; an outer container needs more colons than the
 * ones inside it).
 */
import type { Directive } from '../syntax/nodes.js';
import { closest } from '../../core/did-you-mean.js';
import { report, type Context } from './context.js';

export type DirectiveKind = 'containerDirective' | 'leafDirective' | 'textDirective';

export const DIRECTIVES: Readonly<Record<DirectiveKind, readonly string[]>> = {
  containerDirective: ['keep', 'notice', 'checklist', 'table', 'chart'],
  leafDirective: ['pagebreak', 'signature', 'image'],
  textDirective: ['note'],
};

const WRITTEN: Record<DirectiveKind, string> = { containerDirective: ':::', leafDirective: '::', textDirective: ':' };

/** How each directive is written, for "did you mean" hints. */
const EXAMPLE: Record<string, string> = {
  keep: ':::keep … :::',
  notice: ':::notice{kind=warning} … :::',
  checklist: ':::checklist … :::',
  table: ':::table{widths="20,80"} … :::',
  chart: ':::chart{kind=line title="…" alt="…"} … :::',
  pagebreak: '::pagebreak',
  signature: '::signature{name="…" role="…"}',
  image: '::image{src="assets/logo.png"}',
  note: ':note[…] at the end of a checklist item',
};

const KIND_WORDS: Record<DirectiveKind, string> = {
  containerDirective: 'a container directive: three colons, closed by a line of :::',
  leafDirective: 'a leaf directive: two colons, on a line of its own',
  textDirective: 'a text directive: one colon, inside a line',
};

export function unknownDirective(node: Directive, ctx: Context): void {
  const written = `${WRITTEN[node.type]}${node.name}`;
  const otherKind = (Object.keys(DIRECTIVES) as DirectiveKind[]).find((kind) => kind !== node.type && DIRECTIVES[kind].includes(node.name));
  if (otherKind) {
    report(ctx, 'CP2102', node, `"${written}"`, `${node.name} is ${KIND_WORDS[otherKind]}`, `write ${EXAMPLE[node.name]}`);
    return;
  }
  const near = closest(node.name, DIRECTIVES[node.type]);
  const colon = node.type === 'textDirective' ? '; to print a colon before a word, write \\:' : '';
  report(
    ctx,
    'CP2102',
    node,
    `an unknown directive "${written}"`,
    `the ${WRITTEN[node.type]} directives are ${DIRECTIVES[node.type].map((d) => WRITTEN[node.type] + d).join(', ')}`,
    near ? `did you mean "${WRITTEN[node.type]}${near}"?${colon ? ` (${colon.slice(2)})` : ''}` : colon ? colon.slice(2) : undefined,
  );
}

