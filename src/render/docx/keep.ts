/** How the DOCX writers keep pieces of a block on one page (shared by xml.ts and the docx-package writer). */

export type Keep = 'none' | 'together' | 'withNext';

/** What keeping needs of a piece: whether it is a spacer paragraph, and its keep. */
export interface Keepable {
  readonly kind: string;
  readonly spacer?: boolean;
  keep: Keep;
}

/** Keeps pieces on one page: each kept with the next, the last kept whole (a trailing spacer is not kept). */
export function keepTogether<P extends Keepable>(list: P[]): P[] {
  const isSpacer = (piece: P) => piece.kind === 'paragraph' && piece.spacer === true;
  let last = list.length - 1;
  while (last > 0 && isSpacer(list[last]!)) last -= 1;
  list.forEach((piece, i) => {
    if (i < last) piece.keep = 'withNext';
    else if (i === last && piece.keep !== 'withNext') piece.keep = 'together';
  });
  return list;
}
