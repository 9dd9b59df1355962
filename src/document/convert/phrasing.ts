/**
 * Phrasing content → our inlines: text, strong, emphasis, links, hard
 * breaks. Text goes through cleanText (line breaks → spaces, NFC).
 */
import type { PhrasingContent } from '../syntax/nodes.js';
import type { Inline } from '../ast.js';
import { cleanText, report, type Context } from './context.js';
import { unknownDirective } from './directive-names.js';
import { unsupported } from './unsupported.js';

export function convertInlines(nodes: readonly PhrasingContent[], ctx: Context): Inline[] {
  return mergeText(nodes.flatMap((node) => convertInline(node, ctx)));
}

function convertInline(node: PhrasingContent, ctx: Context): Inline[] {
  switch (node.type) {
    case 'text':
      return [{ type: 'text', value: cleanText(node.value) }];
    case 'strong':
    case 'emphasis':
      return [{ type: node.type, children: convertInlines(node.children, ctx) }];
    case 'break':
      return [{ type: 'break' }];
    case 'link': {
      const children = convertInlines(node.children, ctx);
      if (node.title) {
        report(ctx, 'CP2101', node, `a link title ("${node.title}")`, 'a link has a text and an address only', 'remove the quoted title after the address');
      }
      return [{ type: 'link', url: node.url, children }];
    }
    case 'textDirective': {
      if (node.name === 'note') {
        if (ctx.mode === 'template' && ctx.inChecklist) return convertInlines(node.children, ctx);
        report(ctx, 'CP2103', node, 'a :note[…] that does not end a checklist item', 'a note is printed after its item', 'write - [ ] item text :note[the note] inside :::checklist');
        return convertInlines(node.children, ctx);
      }
      unknownDirective(node, ctx);
      return convertInlines(node.children, ctx);
    }
    default: {
      const u = unsupported(node);
      report(ctx, 'CP2101', node, u.what, u.why, u.hint);
      return [];
    }
  }
}

/** Joins neighbouring text nodes and drops empty ones. */
export function mergeText(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if (inline.type === 'text') {
      if (inline.value === '') continue;
      if (last?.type === 'text') {
        out[out.length - 1] = { type: 'text', value: (last.value + inline.value).normalize('NFC') };
        continue;
      }
    }
    out.push(inline);
  }
  return out;
}

/** The text of inlines without marks, for alt text and width estimates. */
export function plainText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.type === 'text' ? i.value : i.type === 'break' ? ' ' : plainText(i.children))).join('');
}
