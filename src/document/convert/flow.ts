/**
 * Flow content (blocks) → our blocks, one handler per node type; what has no
 * handler is reported (unsupported.ts), never dropped silently.
 */
import type { Image as MdImage, LeafDirective, List as MdList, Paragraph as MdParagraph, RootContent } from '../syntax/nodes.js';
import type { Block, Image, List, Signer } from '../ast.js';
import { cleanText, positionOf, report, spanOf, type Context, type Narrative, type Place } from './context.js';
import { convertDirective, readSigner, checkImageSource } from './directives.js';
import { convertInlines } from './phrasing.js';
import { convertTable } from './table.js';
import { unsupported } from './unsupported.js';

export const NARRATIVE_HOLDS = 'a narrative holds paragraphs, lists, tables, bold, italics, links and line breaks';
const ITEM_HOLDS = 'a list item holds paragraphs and nested lists';

export function convertFlow(nodes: readonly RootContent[], ctx: Context, place: Place): Block[] {
  const out: Block[] = [];
  let signers: Signer[] | undefined;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'leafDirective' && node.name === 'narrative') {
      const end = nodes.findIndex((n, j) => j > i && n.type === 'leafDirective' && n.name === 'narrative-end');
      if (end < 0) {
        report(ctx, 'CP2101', node, 'a ::narrative without its ::narrative-end', '{{{markdown …}}} writes both; do not write them by hand');
        continue;
      }
      // One push per block: a narrative of 200,000 paragraphs spread into push() would overflow the stack.
      for (const block of convertFlow(nodes.slice(i + 1, end), { ...ctx, narrative: readNarrative(node, ctx) }, place)) out.push(block);
      signers = undefined;
      i = end;
      continue;
    }
    if (node.type === 'leafDirective' && node.name === 'narrative-end') {
      report(ctx, 'CP2101', node, 'a ::narrative-end without its ::narrative', '{{{markdown …}}} writes both; do not write them by hand');
      continue;
    }
    if (node.type === 'leafDirective' && node.name === 'signature' && place === 'document' && !ctx.narrative) {
      // Signature lines written one after another make one block, kept on one page.
      const signer = readSigner(node, ctx);
      if (!signers) {
        signers = [];
        out.push({ type: 'signature', signers, position: positionOf(node) });
      }
      if (signer) signers.push(signer);
      continue;
    }
    signers = undefined;
    for (const block of convertBlock(node, ctx, place)) out.push(block);
  }
  return out;
}

function convertBlock(node: RootContent, ctx: Context, place: Place): Block[] {
  switch (node.type) {
    case 'paragraph': {
      const image = loneImage(node);
      if (image) return imageBlock(image, node, ctx, place);
      return [{ type: 'paragraph', children: convertInlines(node.children, ctx), position: positionOf(node) }];
    }
    case 'heading': {
      if (ctx.narrative || place === 'item') {
        report(
          ctx,
          'CP2101',
          node,
          'a heading',
          ctx.narrative ? NARRATIVE_HOLDS : ITEM_HOLDS,
          ctx.narrative ? 'use **bold text** for a title' : 'end the list first: a blank line, then the heading at the start of the line',
        );
        return [];
      }
      if (node.depth > 3) {
        const u = unsupported(node);
        report(ctx, 'CP2101', node, u.what, u.why, u.hint);
      }
      return [{ type: 'heading', level: Math.min(node.depth, 3) as 1 | 2 | 3, children: convertInlines(node.children, ctx), position: positionOf(node) }];
    }
    case 'list':
      return [convertList(node, ctx)];
    case 'table':
      if (place === 'item') {
        report(ctx, 'CP2101', node, 'a table in a list item', ITEM_HOLDS, 'end the list first: a blank line, then the table at the start of the line');
        return [];
      }
      return [convertTable(node, ctx)];
    case 'containerDirective':
    case 'leafDirective':
      if (ctx.narrative) {
        report(ctx, 'CP2101', node, 'a directive', NARRATIVE_HOLDS);
        return [];
      }
      if (place === 'item') {
        report(ctx, 'CP2101', node, `"${node.type === 'leafDirective' ? '::' : ':::'}${node.name}" in a list item`, ITEM_HOLDS, 'end the list first: a blank line, then the directive at the start of the line');
        return [];
      }
      return convertDirective(node, ctx);
    default: {
      const u = unsupported(node);
      report(ctx, 'CP2101', node, u.what, u.why, u.hint);
      return [];
    }
  }
}

export function convertList(node: MdList, ctx: Context): List {
  if (!ctx.inChecklist && node.children.some((item) => typeof item.checked === 'boolean')) {
    report(ctx, 'CP2101', node, 'a task list (- [ ] …)', 'checkboxes belong in a checklist', 'wrap the list in :::checklist … :::');
  }
  return {
    type: 'list',
    ordered: node.ordered === true,
    ...(node.ordered ? { start: node.start ?? 1 } : {}),
    items: node.children.map((item) => ({ children: convertFlow(item.children, ctx, 'item') })),
    position: positionOf(node),
  };
}

function loneImage(node: MdParagraph): MdImage | undefined {
  const [only, ...rest] = node.children;
  return only?.type === 'image' && rest.length === 0 ? only : undefined;
}

function imageBlock(image: MdImage, paragraph: MdParagraph, ctx: Context, place: Place): Image[] {
  if (ctx.narrative || place === 'item') {
    report(ctx, 'CP2101', image, 'an image', ctx.narrative ? NARRATIVE_HOLDS : ITEM_HOLDS);
    return [];
  }
  if (image.title) {
    report(ctx, 'CP2101', image, `an image title ("${image.title}")`, 'an image has a file and an alt text only', 'remove the quoted title after the file');
  }
  checkImageSource(image, ctx, image.url);
  return [{ type: 'image', src: image.url, alt: cleanText(image.alt ?? ''), position: positionOf(paragraph) }];
}

function readNarrative(node: LeafDirective, ctx: Context): Narrative {
  const a = node.attributes ?? {};
  const line = Number(a['line']);
  const column = Number(a['column'] ?? 1);
  const offset = Number(a['offset'] ?? 0);
  const point = Number.isInteger(line) && line > 0 ? { line, column: Number.isInteger(column) ? column : 1, offset: Number.isInteger(offset) ? offset : 0 } : undefined;
  return {
    field: a['field'] ?? '',
    file: a['file'] || ctx.file,
    span: point ? { start: point, end: point } : spanOf(node),
    markerLine: node.position?.start.line ?? 0,
  };
}
