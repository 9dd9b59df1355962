/**
 * The partials a template uses, for the build's job inputs: a change to any of
 * them rebuilds the documents made from the template.
 */
import { checkTemplate, parseTemplate } from './check-template.js';
import { TemplateSource } from './template-source.js';

/**
 * Partial names in first-use order. Given the partials' sources, the list also
 * holds the partials those use, and so on. A template that does not parse
 * uses none (compileTemplate reports why).
 */
export function listPartials(source: string, partials?: Readonly<Record<string, string>>): string[] {
  const found: string[] = [];
  const visit = (text: string): void => {
    const parsed = parseTemplate(new TemplateSource('', text));
    if (!parsed.ast) return;
    for (const { name } of checkTemplate(parsed.ast, new TemplateSource('', text)).partials) {
      if (found.includes(name)) continue;
      found.push(name);
      const partial = partials?.[name];
      if (partial !== undefined) visit(partial);
    }
  };
  visit(source);
  return found;
}
