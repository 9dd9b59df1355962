/**
 * The fast path for well-formed case files: js-yaml with its YAML 1.2 core
 * schema builds the values only — no document, no nodes, no positions — about
 * ten times faster than `yaml`'s parseDocument, which matters for a
 * 50,000-file case root.
 *
 * It is only a shortcut and never decides alone what is an error: on anything
 * `yaml` might read differently or report (duplicate keys, tabs, anchors and
 * aliases, tags, directives, several documents, keys that are not plain words,
 * merge keys, a number too large for a double, …) it returns undefined, and
 * the caller uses the full parser (yaml-document.ts), which reports exactly as
 * before. yaml-fast-path.test.ts checks that whatever it returns equals what
 * `yaml` gives for that text with no error or warning.
 */
import { COLLECTION_STYLE_BLOCK, constructFromEvents, CORE_SCHEMA, defineScalarTag, EVENT_ID, NOT_RESOLVED, parseEvents, SCALAR_STYLE_DOUBLE_QUOTED, type Event, type ScalarEvent } from 'js-yaml';

/**
 * Left to the full parser wherever they are: tabs (YAML indents with spaces; `yaml` reports them), a CR not
 * before LF, a BOM, C1 controls, other line breaks, surrogates and non-characters, which the two parsers
 * may not read alike; and a line starting with "%", a directive (js-yaml drops one it does not know
 * where `yaml` warns).
 */
const UNSUPPORTED = /[\t\uFEFF\u0080-\u009F\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]|\r(?!\n)|^%/m;
/** A mapping key the fast path reads: a word, as case files write them. */
const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Words the core schema reads as something other than a string; `yaml` and js-yaml name such keys differently. */
const RESERVED_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const MAX_KEY_LENGTH = 1000;
/** A core schema float; js-yaml leaves one too large for a double a string where `yaml` reads Infinity. */
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** Thrown from the schema to give up; caught in fastPathYaml. */
const DEFER: unique symbol = Symbol('defer');

/** Tried after the core schema's float: a float that did not resolve overflowed, so defer. */
const overflowingFloat = defineScalarTag('tag:casepress,2026:overflowing-float', {
  implicit: true,
  implicitFirstChars: ['-', '+', '.', ...'0123456789'],
  resolve: (source) => {
    if (FLOAT.test(source)) throw DEFER;
    return NOT_RESOLVED;
  },
  identify: () => false,
});

const SCHEMA = CORE_SCHEMA.withTags(overflowingFloat);

/** The values of a YAML block mapping, or undefined (use the full parser). */
export function fastPathYaml(source: string): Record<string, unknown> | undefined {
  if (UNSUPPORTED.test(source)) return undefined;
  try {
    const events = parseEvents(source, {});
    if (!plainMappingDocument(events, source)) return undefined;
    return constructFromEvents(events, { source, schema: SCHEMA })[0] as Record<string, unknown>;
  } catch {
    // A syntax error, a duplicate key, a number that overflows: the full parser says what it is.
    return undefined;
  }
}

/**
 * Whether the events are one document whose root is a
 * block mapping, with no anchor, alias or tag anywhere and every key a word.
 */
function plainMappingDocument(events: readonly Event[], source: string): boolean {
  const [document, root] = events;
  const last = events.length - 1;
  if (document?.type !== EVENT_ID.DOCUMENT || events[last]!.type !== EVENT_ID.POP) return false;
  if (root?.type !== EVENT_ID.MAPPING || root.style !== COLLECTION_STYLE_BLOCK) return false;
  /** Per open collection: how many nodes it holds so far, or -1 for a sequence. */
  const open: number[] = [];
  // The last event closes the document.
  for (let i = 1; i < last; i++) {
    const event = events[i]!;
    if (event.type === EVENT_ID.POP) {
      open.pop();
      if (open.length === 0 && i !== last - 1) return false; // more after the root
      continue;
    }
    if (event.type === EVENT_ID.DOCUMENT || event.type === EVENT_ID.ALIAS) return false;
    if (event.anchorStart !== -1 || event.tagStart !== -1) return false;
    const top = open.length - 1;
    if (top >= 0 && open[top]! >= 0) {
      // In a mapping, every other node is a key.
      if (open[top]! % 2 === 0 && !(event.type === EVENT_ID.SCALAR && wordKey(event, source))) return false;
      open[top]! += 1;
    }
    if (event.type !== EVENT_ID.SCALAR) open.push(event.type === EVENT_ID.MAPPING ? 0 : -1);
  }
  return true;
}

/** A plain or quoted key without escapes that is a word. */
function wordKey(event: ScalarEvent, source: string): boolean {
  if (!event.fast || event.style > SCALAR_STYLE_DOUBLE_QUOTED || event.valueEnd - event.valueStart > MAX_KEY_LENGTH) return false;
  const key = source.slice(event.valueStart, event.valueEnd);
  return KEY.test(key) && key !== '__proto__' && !RESERVED_KEY.test(key);
}
