/**
 * mdast phrasing content → our inlines: text, strong, emphasis, links, hard
 * breaks. Text goes through cleanText (line breaks → spaces, NFC).
 */
import type { PhrasingContent } from 'mdast';
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
      // GFM turns bare "www.x.org" and "a@b.org" into links even when every "." was
      // escaped (it works on the decoded text), so a value from the data could
      // become a link: only [text](address) and <address> make links here.
      // (Those links come from a transform and have no position, or start with the address itself.)
      const offset = node.position?.start.offset;
      const opening = offset === undefined ? undefined : ctx.source[offset];
      if (opening !== '[' && opening !== '<') return children;
      if (node.title) {
        report(ctx, 'CP2101', node, `a link title ("${node.title}")`, 'a link has a text and an address only', 'remove the quoted title after the address');
      }
      return [{ type: 'link', url: node.url, children }];
    }
    case 'textDirective': {
      if (isBare(node, ctx)) return [{ type: 'text', value: cleanText(`:${node.name}`) }];
      if (node.name === 'note') {
        if (ctx.mode === 'template' && ctx.inChecklist) return convertInlines(node.children, ctx);
        report(ctx, 'CP2103', node, 'a :note[…] that does not end a checklist item', 'a note is printed after its item', 'write - [ ] item text :note[the note] inside :::checklist');
        return convertInlines(node.children, ctx);
      }
      unknownDirective(node, ctx);
      return convertInlines(node.children, ctx);
    }
    default: {
      const u = unsupported(node, ctx.source);
      report(ctx, 'CP2101', node, u.what, u.why, u.hint);
      return [];
    }
  }
}

/**
 * A text directive with neither [label] nor {attributes}: "10:30" or "Re:Smith"
 * in a sentence, where a colon happens to stand before a word. It is printed
 * as the text it is; a directive needs its [label] ({{text}} escapes "[" and "{",
 * so a value can never complete one).
 */
export function isBare(node: Extract<PhrasingContent, { type: 'textDirective' }>, ctx: Context): boolean {
  const p = node.position;
  const written = p?.start.offset !== undefined && p.end.offset !== undefined ? ctx.source.slice(p.start.offset, p.end.offset) : undefined;
  return written === `:${node.name}`;
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
