/**
 * The fast path for well-formed case files: js-yaml with its YAML 1.2 core
 * schema builds the values only — no document, no nodes, no positions — about
 * eight times faster than `yaml`'s parseDocument, which matters for a
 * 50,000-file case root. (js-yaml 5 would give events to check instead of
 * the text, but parses three times slower than 4.)
 *
 * It is only a shortcut and never decides alone what is an error: on anything
 * `yaml` might read differently or report (tabs, directives, anchors, aliases,
 * tags, complex or non-word keys, merge keys, duplicate keys, flow nodes over
 * several lines, the few numbers js-yaml resolves otherwise, …) it returns undefined, and the caller uses the
 * full parser (yaml-document.ts), which reports exactly as before.
 * yaml-fast-path.test.ts checks that whatever it returns equals what `yaml`
 * gives for that text with no error or warning.
 */
import { CORE_SCHEMA, load, type State } from 'js-yaml';

/*
 * Text left to the full parser. A match may be harmless (a " *" in a value),
 * which only costs the slower parse; what matters is that nothing is missed:
 * a node's properties, an explicit key and a plain scalar can only start at a
 * line's start or after a space, "[", "{", "," or ":". Several small patterns
 * scan faster than one with all the alternatives.
 */
/**
 * Tabs (YAML indents with spaces; `yaml` reports them), a CR not before LF, a
 * BOM, C1 controls, other line breaks, surrogates and non-characters.
 */
const UNSUPPORTED_CHARACTER = /[\t\uFEFF\u0080-\u009F\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]|\r(?!\n)/;
/**
 * Where a node starts: a tag, an anchor, an alias ("!", "&", "*") or an
 * explicit key ("?"); numbers js-yaml reads otherwise: binary, signed hex and
 * octal, a sign before 0 or "." (it reads -0 as 0 and leaves -.5 a string).
 * At a line's start: "%", a directive (js-yaml drops one it does not know,
 * `yaml` warns).
 */
const NODE_START = /[\n [{,:](?:[!&*?]|[-+]?0b|[-+](?:0|\.[0-9]))|\n%/;
const FIRST_CHARACTER = /^[!&*?%]/;
/**
 * After a closing bracket or quote: ":" (a flow collection used as a key,
 * "[a]: b", which js-yaml names "a"), or a glued comment ("'a'#c", which
 * `yaml` reports).
 */
const AFTER_CLOSE = /[\]}] *:(?:[ \r\n,\]}]|$)|[\]}'"]#/;
/** An empty block sequence entry: js-yaml puts a less indented entry after it into the same sequence. */
const EMPTY_ENTRY = /(?:^|[ ])-[ \r]*(?:#.*)?$/m;
/** Exponents of three digits: js-yaml leaves 1e400 a string where `yaml` reads Infinity. */
const LONG_EXPONENT = /[0-9.][eE][-+]?[0-9]{3}/;
/** A mapping key the fast path reads: a word, as case files write them. */
const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Words the core schema reads as something other than a string; js-yaml and `yaml` name such keys differently. */
const RESERVED_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const MAX_KEY_LENGTH = 1000;

/** The values of a YAML mapping, or undefined (use the full parser). */
export function fastPathYaml(source: string): Record<string, unknown> | undefined {
  if (
    UNSUPPORTED_CHARACTER.test(source) ||
    FIRST_CHARACTER.test(source) ||
    NODE_START.test(source) ||
    AFTER_CLOSE.test(source) ||
    EMPTY_ENTRY.test(source) ||
    LONG_EXPONENT.test(source)
  ) {
    return undefined;
  }
  let data: unknown;
  try {
    data = load(source, { schema: CORE_SCHEMA, listener: oneLineFlowNodes() });
  } catch {
    // A syntax error, a duplicate key, several documents, a flow node over several lines: the full parser says what it is.
    return undefined;
  }
  return isMapping(data) && wordKeys(data) ? data : undefined;
}

/**
 * A parse listener that throws on a flow node — a plain or quoted scalar, or
 * a flow collection — written over several lines: js-yaml does not check
 * that its lines are indented past the enclosing block, as `yaml` does.
 * Each node's "open" is where the parser stands before it (separation and
 * comments included), its "close" where it stands after it; a block
 * collection or block scalar may span lines. A rare false alarm only defers.
 */
function oneLineFlowNodes(): (event: 'open' | 'close', state: State) => void {
  const starts: number[] = [];
  return (event, state) => {
    if (event === 'open') {
      starts.push(state.position);
      return;
    }
    const start = starts.pop()!;
    const { input, position, kind } = state;
    if (kind === null) return;
    const first = contentStart(input, start, position);
    const c = input.charCodeAt(first);
    const flow = kind === 'scalar' ? c !== 124 /* | */ && c !== 62 /* > */ : c === 91 /* [ */ || c === 123; /* { */
    if (!flow) return;
    let end = position;
    while (end > first && isBlank(input.charCodeAt(end - 1))) end--;
    const lineBreak = input.indexOf('\n', first);
    if (lineBreak >= 0 && lineBreak < end) throw new Error('a flow node over several lines');
  };
}

/** Where a node opened at `from` starts: past spaces, line breaks and comments. */
function contentStart(input: string, from: number, to: number): number {
  let at = from;
  while (at < to) {
    const c = input.charCodeAt(at);
    if (isBlank(c)) at++;
    else if (c === 35 /* # */) {
      const eol = input.indexOf('\n', at);
      at = eol < 0 ? to : eol;
    } else break;
  }
  return at;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 13;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether every key in `value`, however deep, is a word (js-yaml has turned any other key into one).
 * On the way, each string value is made a copy of its own (ownString): the record outlives the text.
 */
function wordKeys(value: unknown): boolean {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string') value[i] = ownString(item);
      else if (!wordKeys(item)) return false;
    }
    return true;
  }
  if (!isMapping(value)) return true;
  for (const key in value) {
    if (key.length > MAX_KEY_LENGTH || !KEY.test(key) || key === '__proto__' || RESERVED_KEY.test(key)) return false;
    const item = value[key];
    if (typeof item === 'string') value[key] = ownString(item);
    else if (!wordKeys(item)) return false;
  }
  return true;
}

/**
 * V8 cuts a string of 13 characters or more out of the text as a view that
 * keeps the whole text alive: a record kept after loading would hold its
 * file's text (70 MB for 2,000 children). Sliced again from a copy, it holds
 * only its own characters. A shorter one is a copy already, one for each time
 * a file writes it ("home_visit", a date, a staff id): the first copy is
 * shared (a tenth of a loaded root's heap).
 */
function ownString(value: string): string {
  if (value.length >= 13) return ` ${value}`.slice(1);
  let kept = SHORT_STRINGS.get(value);
  if (kept === undefined) {
    // Bounded, for a long-lived process (watch): started again when full.
    if (SHORT_STRINGS.size >= MAX_SHORT_STRINGS) SHORT_STRINGS.clear();
    SHORT_STRINGS.set(value, (kept = value));
  }
  return kept;
}

const SHORT_STRINGS = new Map<string, string>();
const MAX_SHORT_STRINGS = 200_000;
