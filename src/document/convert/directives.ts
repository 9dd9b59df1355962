/**
 * Leaf and container directives → blocks:
 *   ::pagebreak
 *   ::image{src="assets/logo.png" width=120 alt="Agency logo"}     (or ::image[Agency logo]{src=…})
 *   ::signature{name="…" role="…" date="2026-11-20" image="assets/sig.png"}
 *   :::keep … :::
 *   :::notice{kind=warning title="…"} … :::                            (or :::notice[Title]{kind=…})
 *   :::checklist  - [x] item :note[remark]  - [ ] item  :::
 *   :::table{caption="…" widths="10,20,70"}  | GFM table |  :::        (or :::table[Caption]{…})
 *   :::chart{kind=line title="…" alt="…"}  | GFM table |  :::           (chart.ts)
 */
import type { ContainerDirective, Directive, Image as MdImage, LeafDirective, ListItem, RootContent } from '../syntax/nodes.js';
import { parseDate } from '../../core/calendar-date.js';
import { closest, typoDistance } from '../../core/did-you-mean.js';
import type { Block, ChecklistItem, Inline, Signer } from '../ast.js';
import { isPlaceholder, labelOf, noLabel, readAttributes, written } from './attributes.js';
import { cleanText, positionOf, report, type Context } from './context.js';
import { unknownDirective } from './directive-names.js';
import { chartDirective } from './chart.js';
import { convertFlow } from './flow.js';
import { convertInlines, plainText } from './phrasing.js';
import { convertTable, parseWidths } from './table.js';

type Container = ContainerDirective;
type Leaf = LeafDirective;

const KINDS = ['info', 'warning', 'important'] as const;

export function convertDirective(node: Container | Leaf, ctx: Context): Block[] {
  if (node.type === 'leafDirective') {
    switch (node.name) {
      case 'pagebreak':
        readAttributes(node, ctx, []);
        noLabel(node, ctx);
        return [{ type: 'pageBreak', position: positionOf(node) }];
      case 'image':
        return imageDirective(node, ctx);
      default:
        unknownDirective(node, ctx);
        return [];
    }
  }
  switch (node.name) {
    case 'keep':
      readAttributes(node, ctx, []);
      noLabel(node, ctx);
      return [{ type: 'keep', children: convertFlow(node.children, ctx, 'document'), position: positionOf(node) }];
    case 'notice':
      return notice(node, ctx);
    case 'checklist':
      return checklist(node, ctx);
    case 'table':
      return tableDirective(node, ctx);
    case 'chart':
      return chartDirective(node, ctx);
    default:
      unknownDirective(node, ctx);
      return convertFlow(node.children, ctx, 'document');
  }
}

/** Title or caption: the [label] (with bold, italics, links) or a plain-text attribute, not both. */
function titleOf(node: Directive, ctx: Context, attribute: string, value: string | undefined): readonly Inline[] | undefined {
  const label = labelOf(node);
  if (label && value !== undefined) {
    report(ctx, 'CP2103', node, `both a [label] and ${attribute}="…" on ${written(node)}`, `the ${attribute} is given once`, `keep one: ${written(node)}[…] or ${written(node)}{${attribute}="…"}`);
  }
  if (label) return convertInlines(label, ctx);
  return value !== undefined && value !== '' ? [{ type: 'text', value: cleanText(value) }] : undefined;
}

function notice(node: Container, ctx: Context): Block[] {
  const a = readAttributes(node, ctx, ['kind', 'title'], [], ':::notice{kind=warning title="…"}');
  let kind: (typeof KINDS)[number] = 'info';
  if (a['kind'] !== undefined && !isPlaceholder(ctx, a['kind'])) {
    if ((KINDS as readonly string[]).includes(a['kind'])) kind = a['kind'] as (typeof KINDS)[number];
    else {
      const near = closest(a['kind'], KINDS);
      report(ctx, 'CP2103', node, `kind="${a['kind']}" on :::notice`, `the kinds are ${KINDS.join(', ')}`, near ? `did you mean kind=${near}?` : undefined);
    }
  }
  const title = titleOf(node, ctx, 'title', a['title']);
  return [{ type: 'notice', kind, ...(title ? { title } : {}), children: convertFlow(node.children, ctx, 'document'), position: positionOf(node) }];
}

const CHECKLIST_HOLDS = 'a checklist holds one task list: lines "- [ ] item" or "- [x] item", each with an optional :note[…] at its end';

function checklist(node: Container, ctx: Context): Block[] {
  readAttributes(node, ctx, []);
  noLabel(node, ctx);
  const content = node.children;
  if (ctx.mode === 'template') {
    // Items are often written {{#each}} … - {{task x}} …: only their constructs are checked here.
    convertFlow(content, { ...ctx, inChecklist: true }, 'document');
    return [];
  }
  const items: ChecklistItem[] = [];
  let lists = 0;
  for (const child of content) {
    if (child.type !== 'list' || lists > 0) {
      report(ctx, 'CP2101', child, child.type === 'list' ? 'a second list in a :::checklist' : `${describe(child)} in a :::checklist`, CHECKLIST_HOLDS);
      continue;
    }
    lists++;
    for (const item of child.children) {
      const converted = checklistItem(item, ctx);
      if (converted) items.push(converted);
    }
  }
  return [{ type: 'checklist', items, position: positionOf(node) }];
}

function checklistItem(item: ListItem, ctx: Context): ChecklistItem | undefined {
  if (typeof item.checked !== 'boolean') {
    report(ctx, 'CP2101', item, 'a checklist item without [ ] or [x]', CHECKLIST_HOLDS, 'start the item with - [ ] or - [x] (or - {{task value}} in a template)');
    return undefined;
  }
  const [first, ...rest] = item.children;
  for (const extra of rest) report(ctx, 'CP2101', extra, `${describe(extra)} inside a checklist item`, CHECKLIST_HOLDS);
  if (!first) return { checked: item.checked, children: [] };
  if (first.type !== 'paragraph') {
    report(ctx, 'CP2101', first, `${describe(first)} as a checklist item`, CHECKLIST_HOLDS);
    return undefined;
  }
  const phrasing = [...first.children];
  let end = phrasing.length;
  while (end > 0 && phrasing[end - 1]!.type === 'text' && (phrasing[end - 1] as { value: string }).value.trim() === '') end--;
  const last = phrasing[end - 1];
  let note: Inline[] | undefined;
  if (last?.type === 'textDirective' && last.name === 'note') {
    readAttributes(last, ctx, []);
    note = convertInlines(last.children, ctx);
    phrasing.length = end - 1;
  }
  const children = trimEnd(convertInlines(phrasing, ctx));
  return { checked: item.checked, children, ...(note ? { note } : {}) };
}

/** Drops the spaces that separate an item's text from its :note[…]. */
function trimEnd(inlines: Inline[]): Inline[] {
  const last = inlines[inlines.length - 1];
  if (last?.type !== 'text') return inlines;
  const value = last.value.replace(/ +$/, '');
  return value ? [...inlines.slice(0, -1), { type: 'text', value }] : inlines.slice(0, -1);
}

function tableDirective(node: Container, ctx: Context): Block[] {
  const a = readAttributes(node, ctx, ['caption', 'widths'], [], ':::table{caption="…" widths="20,30,50"}');
  const caption = titleOf(node, ctx, 'caption', a['caption']);
  const content = node.children;
  const tables = content.filter((c) => c.type === 'table');
  let widths: number[] | undefined;
  if (a['widths'] !== undefined && !isPlaceholder(ctx, a['widths'])) {
    widths = parseWidths(a['widths']);
    const columns = tables[0]?.align?.length ?? tables[0]?.children[0]?.children.length;
    if (!widths) {
      report(ctx, 'CP2103', node, `widths="${a['widths']}" on :::table`, 'widths are positive numbers separated by commas, one per column', 'write widths="10,20,70" (percentages) or widths="1,2,7" (relative)');
    } else if (columns !== undefined && widths.length !== columns) {
      report(ctx, 'CP2103', node, `widths="${a['widths']}" on :::table`, `it gives ${widths.length} widths for a table of ${columns} columns`, 'give one width per column, e.g. widths="10,20,70" for three columns');
      widths = undefined;
    }
  }
  if (ctx.mode === 'template') {
    convertFlow(content, ctx, 'document');
    return [];
  }
  const out: Block[] = [];
  for (const child of content) {
    if (child.type === 'table' && child === tables[0]) {
      out.push(convertTable(child, ctx, { ...(caption ? { caption } : {}), ...(widths ? { widths } : {}) }));
    } else {
      report(ctx, 'CP2101', child, `${child.type === 'table' ? 'a second table' : describe(child)} in a :::table`, 'a :::table holds one table (its caption goes in [label] or caption="…")');
    }
  }
  if (tables.length === 0) report(ctx, 'CP2101', node, 'a :::table without a table', 'a :::table holds one table', 'put a table (| A | B | / |---|---| / rows) between :::table and :::');
  return out;
}

function imageDirective(node: Leaf, ctx: Context): Block[] {
  const a = readAttributes(node, ctx, ['src', 'width', 'alt'], ['src'], '::image{src="assets/logo.png" width=120}');
  let width: number | undefined;
  if (a['width'] !== undefined && !isPlaceholder(ctx, a['width'])) {
    width = /^\d+(\.\d+)?$/.test(a['width']) ? Number(a['width']) : undefined;
    if (!width) {
      report(ctx, 'CP2103', node, `width="${a['width']}" on ::image`, 'the width is in points, a positive number', 'write width=120 (72 points are one inch)');
    }
  }
  const label = labelOf(node);
  if (label && a['alt'] !== undefined) {
    report(ctx, 'CP2103', node, 'both a [label] and alt="…" on ::image', 'the alt text is given once');
  }
  const alt = a['alt'] !== undefined ? cleanText(a['alt']) : label ? plainText(convertInlines(label, ctx)) : '';
  const src = a['src'] ?? '';
  if (!src.trim()) return [];
  checkImageSource(node, ctx, src);
  return [{ type: 'image', src, alt, ...(width ? { width } : {}), position: positionOf(node) }];
}

/** One signer of a signature block, or undefined when the directive is unusable (already reported). */
export function readSigner(node: Leaf, ctx: Context): Signer | undefined {
  const example = '::signature{name="Jordan Doe" role="Case Manager" date="2026-11-20"}';
  const a = readAttributes(node, ctx, ['name', 'role', 'date', 'image'], ['name', 'role'], example);
  noLabel(node, ctx);
  let date = a['date']?.trim() || undefined;
  if (date !== undefined && !isPlaceholder(ctx, date) && !parseDate(date)) {
    date = undefined;
    report(ctx, 'CP2103', node, `date="${a['date']}" on ::signature`, 'a signature date is a calendar date written YYYY-MM-DD', 'leave date out (or empty) to print a blank date line');
  }
  const image = a['image']?.trim() || undefined;
  if (image !== undefined) checkImageSource(node, ctx, image);
  if (!a['name']?.trim() || !a['role']?.trim()) return undefined;
  return { name: cleanText(a['name']), role: cleanText(a['role']), ...(date ? { date } : {}), ...(image ? { image } : {}) };
}

/** CP2104 when the caller listed the images there are and this one is not among them. */
export function checkImageSource(node: Directive | MdImage, ctx: Context, src: string): void {
  if (!ctx.images || ctx.mode === 'template' || ctx.images.has(src)) return;
  const known = [...ctx.images];
  const candidate = closest(src, known);
  // Paths are long: "a third of the letters" would pair any two files in assets/.
  const near = candidate !== undefined && typoDistance(src, candidate) <= 2 ? candidate : undefined;
  report(
    ctx,
    'CP2104',
    node,
    `an image "${src}" that is not available`,
    'images are files under the case root, named by their path',
    near ? `did you mean "${near}"?` : known.length ? `the images are: ${known.join(', ')}` : 'add the file, e.g. assets/logo.png',
  );
}

/** A node as a diagnostic names it: "a paragraph", "a list", ":::notice". */
export function describe(node: RootContent): string {
  switch (node.type) {
    case 'paragraph':
      return 'a paragraph';
    case 'list':
      return 'a list';
    case 'table':
      return 'a table';
    case 'heading':
      return 'a heading';
    case 'containerDirective':
      return `":::${node.name}"`;
    case 'leafDirective':
      return `"::${node.name}"`;
    default:
      return `"${node.type}"`;
  }
}

