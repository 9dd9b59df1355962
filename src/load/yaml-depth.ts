/**
 * YAML nested deeper than any case file is written (MAX_YAML_DEPTH levels
 * below the top-level mapping) is refused where the first collection too deep
 * starts, before anything walks the values recursively. The deepest case file nests about six levels; the `yaml`
 * parser alone stops only where its stack runs out, which depends on how much
 * stack the caller has left.
 */
import type * as YamlApi from 'yaml';
import type { Document, Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../core/diagnostic.js';
import type { Span } from '../core/source.js';

export const MAX_YAML_DEPTH = 64;

/** CP1103 at the first collection nested deeper than MAX_YAML_DEPTH, or undefined. Iterative: any depth is safe. */
/** `yaml`: the package's node tests, from whoever loaded it (yaml-document.ts loads it with the first parse, not at startup). */
export function yamlTooDeep(doc: Document, file: string, at: (start: number, end: number) => Span, yaml: Pick<typeof YamlApi, 'isMap' | 'isPair' | 'isSeq'>): Diagnostic | undefined {
  const { isMap, isPair, isSeq } = yaml;
  const stack: Array<readonly [unknown, number]> = [[doc.contents, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_YAML_DEPTH) {
      const [start, end] = (node as Node).range ?? [0, 0];
      return diagnostic('CP1103', {
        file,
        span: at(start, Math.min(end, start + 1)),
        message: `the YAML is nested more than ${MAX_YAML_DEPTH} levels deep here; casepress reads at most ${MAX_YAML_DEPTH}`,
        hint: 'case files nest a few levels deep: check the indentation and the brackets above this line',
      });
    }
    for (let i = node.items.length - 1; i >= 0; i--) {
      const item: unknown = node.items[i];
      if (isPair(item)) {
        stack.push([item.value, depth + 1], [item.key, depth + 1]);
      } else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}
