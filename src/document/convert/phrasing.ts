/**
 * Phrasing content → our inlines: text, strong, emphasis, links, hard
 * breaks. Text goes through cleanText (line breaks → spaces, NFC).
 */
import type { PhrasingContent } from '../syntax/nodes.js';
import type { Inline } from '../ast.js';
import { cleanText, nfc, report, type Context } from './context.js';
import { unknownDirective } from './directive-names.js';
import { unsupported } from './unsupported.js';

/** Inlines with neighbouring text joined and empty text dropped. */
export function convertInlines(nodes: readonly PhrasingContent[], ctx: Context): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) convertInline(node, ctx, out);
  return out;
}

function convertInline(node: PhrasingContent, ctx: Context, out: Inline[]): void {
  switch (node.type) {
    case 'text':
      addText(out, cleanText(node.value));
      return;
    case 'strong':
    case 'emphasis':
      out.push({ type: node.type, children: convertInlines(node.children, ctx) });
      return;
    case 'break':
      out.push({ type: 'break' });
      return;
    case 'link': {
      const children = convertInlines(node.children, ctx);
      if (node.title) {
        report(ctx, 'CP2101', node, `a link title ("${node.title}")`, 'a link has a text and an address only', 'remove the quoted title after the address');
      }
      out.push({ type: 'link', url: node.url, children });
      return;
    }
    case 'textDirective': {
      if (node.name === 'note') {
        if (ctx.mode !== 'template' || !ctx.inChecklist) {
          report(ctx, 'CP2103', node, 'a :note[…] that does not end a checklist item', 'a note is printed after its item', 'write - [ ] item text :note[the note] inside :::checklist');
        }
      } else {
        unknownDirective(node, ctx);
      }
      // Its label is printed in place.
      for (const child of node.children) convertInline(child, ctx, out);
      return;
    }
    default: {
      const u = unsupported(node);
      report(ctx, 'CP2101', node, u.what, u.why, u.hint);
    }
  }
}

/** Appends text, joined to text just before it (in NFC: an accent may combine across the join). */
function addText(out: Inline[], value: string): void {
  if (value === '') return;
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = { type: 'text', value: nfc(last.value + value) };
  else out.push({ type: 'text', value });
}

/** The text of inlines without marks, for alt text and width estimates. */
export function plainText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.type === 'text' ? i.value : i.type === 'break' ? ' ' : plainText(i.children))).join('');
}
