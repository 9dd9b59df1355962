/**
 * Records → YAML text in the style of the example agency: block mappings, with
 * short lists and small records written on one line (`{ type: fire, … }`,
 * `[Spanish, English]`), and a schema comment on top for editors.
 */
import { Document, isCollection, isMap, isPair, isScalar, isSeq, visit, type Node } from 'yaml';

const LINE_WIDTH = 96;
/** A list of words on one line, never a list of sentences. */
const SEQ_WIDTH = 64;

/** What is left of a line for a collection written on one line at this depth (indent and key). */
function room(ancestors: readonly unknown[]): number {
  const depth = ancestors.filter((a) => isCollection(a)).length;
  return LINE_WIDTH + 12 - depth * 2 - 24;
}

/** Relative path from a file at `path` (case-root-relative) to the schema folder. */
function schemaComment(path: string, schema: string): string {
  const up = '../'.repeat(path.split('/').length);
  return ` yaml-language-server: $schema=${up}schema/${schema}.schema.json`;
}

/** A rough width of a collection written on one line: decides flow or block. */
function flowWidth(node: Node): number {
  if (isScalar(node)) return String(node.value).length + 2;
  if (isSeq(node)) return node.items.reduce<number>((w, item) => w + flowWidth(item as Node) + 2, 2);
  if (isMap(node)) {
    return node.items.reduce<number>((w, pair) => w + String((pair.key as { value?: unknown }).value).length + 2 + flowWidth(pair.value as Node) + 2, 4);
  }
  return Number.POSITIVE_INFINITY;
}

function onlyScalars(node: Node): boolean {
  if (isSeq(node)) return node.items.every((item) => isScalar(item) || (isMap(item) && onlyScalars(item)));
  if (isMap(node)) return node.items.every((pair) => isScalar(pair.value) || (isSeq(pair.value) && pair.value.items.every(isScalar)));
  return false;
}

export function toYaml(path: string, schema: string, value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Map(_key, node, ancestors) {
      const parent = ancestors[ancestors.length - 1];
      // Top-level fields stay block so the file reads like a form.
      if (parent && isPair(parent) && ancestors.length <= 2 && node.items.length > 5) return;
      if (onlyScalars(node) && flowWidth(node) <= room(ancestors)) node.flow = true;
    },
    Seq(_key, node, ancestors) {
      if (node.items.every(isScalar) && flowWidth(node) <= Math.min(SEQ_WIDTH, room(ancestors))) node.flow = true;
    },
    Scalar(_key, node, ancestors) {
      // Prose wider than a line is written as a folded block (`>-`), as people write it.
      if (typeof node.value !== 'string' || node.value.length <= LINE_WIDTH - 20) return;
      if (ancestors.some((a) => isCollection(a) && a.flow === true)) return;
      node.type = 'BLOCK_FOLDED';
    },
  });
  return `#${schemaComment(path, schema)}\n${doc.toString({ lineWidth: LINE_WIDTH, minContentWidth: 40, flowCollectionPadding: false })}`;
}

/** A Markdown note: YAML front matter between `---` lines, then the body. */
export function withFrontMatter(data: Record<string, unknown>, body: string): string {
  const front = new Document(data);
  visit(front, {
    Seq(_key, node) {
      if (node.items.every(isScalar)) node.flow = true;
    },
  });
  return `---\n${front.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n${body.trim()}\n`;
}
