/**
 * Templates: Handlebars with Markdown-safe helpers. Data → Markdown; the
 * document layer turns the Markdown into the document tree.
 */
export { compileTemplate, loadTemplate, renderTemplate, type CompiledTemplate, type CompileTemplateOptions, type RenderResult, type TemplateCode } from './compile-template.js';
export { listPartials } from './list-partials.js';
export { escapeText, escapeAttribute, NOT_RECORDED, NONE } from './escape.js';
export { HELPERS } from './helpers/index.js';
export { labelsOf, type Labels } from './labels.js';
export { DUE_PHRASES, dueDetailWords, duePhraseProblems, dueRuleWords } from './due-words.js';
export type { FactsSchema } from './facts-check.js';
export { factsGuide } from './facts-guide.js';
