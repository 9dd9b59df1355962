/**
 * Markdown the document tree does not hold (CP2101), as data: what it is, why
 * it is not used, and how to write what was probably meant. Nothing is dropped
 * silently: each one found is reported at its line.
 */
import type { Nodes } from '../syntax/nodes.js';
import { MAX_DEPTH } from '../syntax/tree.js';

export interface Unsupported {
  readonly what: string;
  readonly why: string;
  readonly hint?: string;
}

const NO_CODE = 'casepress documents hold no code';

export function unsupported(node: Nodes): Unsupported {
  switch (node.type) {
    case 'code':
      return node.fenced
        ? { what: 'a code block (```)', why: NO_CODE, hint: 'remove the fence lines' }
        : {
            what: 'text indented by 4 or more spaces, which Markdown reads as a code block',
            why: NO_CODE,
            hint: 'remove the indentation; inside a list item, indent as far as the text after "- " (2 spaces)',
          };
    case 'inlineCode':
      return { what: 'code text (`…`)', why: NO_CODE, hint: 'remove the backticks, or write \\` for a backtick' };
    case 'blockquote':
      return { what: 'a block quote (> …)', why: 'casepress documents have no block quotes', hint: 'use :::notice … ::: for a boxed note' };
    case 'html':
      return node.value.startsWith('<!--')
        ? { what: 'an HTML comment (<!-- … -->)', why: 'casepress reads Markdown, not HTML', hint: 'in a template, write comments as {{!-- … --}}' }
        : { what: `HTML (${node.value.length > 30 ? `${node.value.slice(0, 27)}…` : node.value})`, why: 'casepress reads Markdown, not HTML', hint: 'write \\< for a literal "<"' };
    case 'thematicBreak':
      return {
        what: 'a horizontal rule (---, *** or ___)',
        why: 'casepress documents have no rules',
        hint: 'use ::pagebreak for a new page; a line of --- right under text makes that text a heading, so leave a blank line between them',
      };
    case 'heading':
      return { what: `a level-${node.depth} heading (${'#'.repeat(node.depth)})`, why: 'documents have headings of levels 1 to 3', hint: 'use ### or **bold text**' };
    case 'definition':
      return { what: 'a link reference definition ([label]: address)', why: 'links are written in place', hint: 'write [text](https://…)' };
    case 'linkReference':
      return { what: 'a reference link ([text][label])', why: 'links are written in place', hint: 'write [text](https://…), or \\[ for a literal "["' };
    case 'imageReference':
      return { what: 'a reference image (![alt][label])', why: 'images are written in place', hint: 'write ![alt](assets/file.png) on its own line' };
    case 'footnoteDefinition':
    case 'footnoteReference':
      return { what: 'a footnote ([^…])', why: 'casepress documents have no footnotes', hint: 'write the note in the text, or in a :::notice' };
    case 'delete':
      return { what: 'struck-through text (~~…~~)', why: 'casepress documents have no strikethrough', hint: 'write \\~ for a literal "~"' };
    case 'tooDeep':
      return node.what === 'marks'
        ? { what: `bold, italics or links nested more than ${MAX_DEPTH} deep`, why: 'a document holds marks nested a few deep at most', hint: 'remove the extra * or _ (write \\* for a literal "*")' }
        : { what: `lists or directives nested more than ${MAX_DEPTH} deep`, why: 'a document holds blocks nested a few deep at most', hint: 'indent less, or end the list before the text that follows' };
    case 'image':
      return { what: 'an image inside a line of text', why: 'an image is a block of its own', hint: 'put ![alt](file) on a line of its own, with blank lines around it' };
    default:
      return { what: `Markdown of the kind "${node.type}"`, why: 'the document tree has no such node' };
  }
}
