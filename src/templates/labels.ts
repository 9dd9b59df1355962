/** The words of templates/labels.yaml, as the `label` and `counts` helpers and the facts check read them. */
export interface Labels {
  /** The file, for messages. */
  readonly file: string;
  /** Vocabulary → code → words. */
  readonly vocabularies: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

export function labelsOf(file: string, data: Readonly<Record<string, Readonly<Record<string, string>>>>): Labels {
  return { file, vocabularies: new Map(Object.entries(data).map(([name, words]) => [name, new Map(Object.entries(words))])) };
}
