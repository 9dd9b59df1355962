/**
 * The Markdown as read, before it is our document tree: markdown-it's token
 * stream nested into nodes that carry their place in the source, for
 * diagnostics. Only what the converter (convert/*.ts) looks at is kept.
 */

export interface Point {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface Located {
  readonly position?: { readonly start: Point; readonly end: Point };
}

export type Attributes = Readonly<Record<string, string>>;

export type PhrasingContent =
  | (Located & { readonly type: 'text'; readonly value: string })
  | (Located & { readonly type: 'strong' | 'emphasis' | 'delete'; readonly children: PhrasingContent[] })
  | (Located & { readonly type: 'link'; readonly url: string; readonly title?: string; readonly children: PhrasingContent[] })
  /** A link made from a [label]: address definition. */
  | (Located & { readonly type: 'linkReference' })
  | Image
  /** imageReference: an image made from a [label]: address definition. */
  | (Located & { readonly type: 'break' | 'inlineCode' | 'footnoteReference' | 'imageReference' })
  | (Located & { readonly type: 'html'; readonly value: string })
  | TextDirective
  | TooDeep;

/**
 * What stands nested deeper than the reader follows (MAX_DEPTH in tree.ts):
 * the whole construct, reported where it starts, so no later walk recurses
 * without bound.
 */
export interface TooDeep extends Located {
  readonly type: 'tooDeep';
  readonly what: 'blocks' | 'marks';
}

export interface Image extends Located {
  readonly type: 'image';
  readonly url: string;
  readonly title?: string;
  readonly alt: string;
}

export interface TextDirective extends Located {
  readonly type: 'textDirective';
  readonly name: string;
  readonly attributes: Attributes;
  /** The [label], if any (an empty [] is none). */
  readonly children: PhrasingContent[];
}

export interface Paragraph extends Located {
  readonly type: 'paragraph';
  readonly children: PhrasingContent[];
}

export interface ListItem extends Located {
  readonly type: 'listItem';
  /** A task item's box (GFM `[ ]`, `[x]`); undefined for a plain item. */
  readonly checked?: boolean;
  readonly children: RootContent[];
}

export interface List extends Located {
  readonly type: 'list';
  readonly ordered: boolean;
  readonly start?: number;
  readonly children: ListItem[];
}

export interface TableRow {
  readonly type: 'tableRow';
  readonly children: { readonly children: PhrasingContent[] }[];
}

export interface Table extends Located {
  readonly type: 'table';
  readonly align: ('left' | 'right' | 'center' | null)[];
  readonly children: TableRow[];
}

export interface ContainerDirective extends Located {
  readonly type: 'containerDirective';
  readonly name: string;
  readonly attributes: Attributes;
  /** The [label], if any. */
  readonly label?: Paragraph;
  readonly children: RootContent[];
}

export interface LeafDirective extends Located {
  readonly type: 'leafDirective';
  readonly name: string;
  readonly attributes: Attributes;
  readonly children: PhrasingContent[];
}

export type Directive = ContainerDirective | LeafDirective | TextDirective;

export type RootContent =
  | Paragraph
  | (Located & { readonly type: 'heading'; readonly depth: number; readonly children: PhrasingContent[] })
  | List
  | Table
  | ContainerDirective
  | LeafDirective
  /** `fenced`: ``` or ~~~; else indented by four spaces. */
  | (Located & { readonly type: 'code'; readonly fenced: boolean })
  | (Located & { readonly type: 'html'; readonly value: string })
  | (Located & { readonly type: 'blockquote' | 'thematicBreak' | 'definition' | 'footnoteDefinition' })
  | TooDeep;

export type Nodes = RootContent | ListItem | PhrasingContent;
