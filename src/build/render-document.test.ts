import { describe, expect, it } from 'vitest';
import { prepareTemplate, renderFurniture, type TemplateFiles } from './render-document.js';

const files = (furniture: string): TemplateFiles => ({
  file: 'templates/letter.md.hbs',
  source: '# {{text name}}\n',
  partials: { 'letter-furniture': furniture, other: 'x' },
});

describe('the furniture partial', () => {
  it('gives the running header and the file name as plain text, and counts in the template partials', () => {
    const { template } = prepareTemplate(files('Letter — {{text name initials=true}} — {{text id}}\n\nLetter — {{text name}}, {{date on}}\n'));
    expect(template?.partials).toEqual(['letter-furniture']);
    const { text, diagnostics } = renderFurniture(template!.furniture!, { name: "Dana *O'Brien* | #1", id: 'C-1', on: '2026-12-10' });
    expect(diagnostics).toEqual([]);
    expect(text).toEqual({ runningHeader: 'Letter — D.O. — C-1', subject: "Letter — Dana *O'Brien* | #1, December 10, 2026" });
  });

  it('is a diagnostic when it does not print two paragraphs', () => {
    const { template } = prepareTemplate(files('Letter — {{text name}}\n'));
    const { text, diagnostics } = renderFurniture(template!.furniture!, { name: 'Dana' });
    expect(text).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.file, d.message])).toEqual([
      ['CP3002', 'templates/letter.md.hbs', "its furniture partial (letter-furniture) must print two paragraphs of text: the running header, then the document's name as a file"],
    ]);
  });

  it('is not there for a template without one', () => {
    const { template } = prepareTemplate({ ...files(''), partials: {} });
    expect(template?.furniture).toBeUndefined();
  });
});
