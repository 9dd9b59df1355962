/**
 * The part of JSON Schema casepress reads back: a document's facts as
 * z.toJSONSchema writes them (compute/documents/facts), checked against the
 * templates (templates/facts-check.ts) and listed in the templates guide.
 */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly propertyNames?: JsonSchema;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly description?: string;
  readonly required?: readonly string[];
}
