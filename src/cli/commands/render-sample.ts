/**
 * `casepress render-sample`: the sample document (every block type, names in
 * every script, a table over several pages) as PDF and DOCX.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hasErrors, type Diagnostic } from '../../core/diagnostic.js';
import { buildTree, prepareTemplate, renderFormat, type Format } from '../../build/render-document.js';
import { sampleFurniture } from '../../build/sample-document.js';
import { loadFonts } from '../../io/fonts.js';
import { PACKAGE_ROOT, readAssets, readTemplate } from '../../io/package-files.js';
import { writeFileAtomic } from '../../io/write-atomic.js';
import { readDataFile } from '../../load/read-data.js';
import { EXIT, UsageError, type ExitCode } from '../exit.js';
import { claimOutFolder } from '../out-folder.js';
import { readReferenceDocx } from '../reference-docx.js';
import { formatText } from '../report.js';

export interface RenderSampleOptions {
  readonly out: string;
  readonly format: readonly Format[];
  readonly root: string;
  readonly data: string;
  readonly template: string;
  readonly draft: boolean;
  readonly pdfa: boolean;
  /** Write into an --out that holds files casepress did not write. */
  readonly force?: boolean;
  /** `--reference-docx`: a Word file whose styles the DOCX takes. */
  readonly referenceDocx?: string;
}

export const SAMPLE_DEFAULTS = {
  data: join(PACKAGE_ROOT, 'test/fixtures/sample/sample-data.yaml'),
  template: join(PACKAGE_ROOT, 'templates/sample.md.hbs'),
};

export async function renderSample(options: RenderSampleOptions, log: (line: string) => void): Promise<ExitCode> {
  const dataBytes = await readFile(options.data).catch(() => {
    throw new UsageError(`the sample data file "${options.data}" cannot be read`);
  });
  const templateFiles = await readTemplate(options.template).catch(() => {
    throw new UsageError(`the template "${options.template}" cannot be read`);
  });
  const diagnostics: Diagnostic[] = [];
  const report = (): ExitCode => {
    process.stdout.write(
      formatText({
        diagnostics,
        displayPath: (file) => file,
        sourceOf: (file) => (file === templateFiles.file ? templateFiles.source : undefined),
        filesChecked: 2,
      }),
    );
    return hasErrors(diagnostics) ? EXIT.dataErrors : EXIT.ok;
  };

  const { data, diagnostics: dataProblems } = readDataFile(options.data, dataBytes);
  diagnostics.push(...dataProblems);
  const furniture = sampleFurniture(data, options.draft);
  if (!furniture) throw new UsageError(`"${options.data}" is not sample data: it needs case_id, as_of and agency.name`);
  const { template, diagnostics: templateProblems } = prepareTemplate(templateFiles);
  diagnostics.push(...templateProblems);
  if (!template || hasErrors(diagnostics)) return report();

  const images = await readAssets(options.root);
  const { tree, diagnostics: treeProblems } = buildTree(template, { data, ...furniture, images });
  diagnostics.push(...treeProblems);
  if (!tree) return report();

  const fonts = await loadFonts();
  const referenceDocx = options.referenceDocx && options.format.includes('docx') ? await readReferenceDocx(options.referenceDocx) : undefined;
  const release = await claimOutFolder(options.out, { force: options.force === true }, log);
  try {
    for (const format of options.format) {
      const path = join(options.out, 'sample', `sample.${format}`);
      const written = await renderFormat(tree, format, { fonts, images, pdfa: options.pdfa, ...(referenceDocx ? { referenceDocx } : {}) }, templateFiles.file);
      diagnostics.push(...written.diagnostics);
      if (!written.bytes) continue;
      await writeFileAtomic(path, written.bytes);
      log(`wrote ${path} (${Math.round(written.bytes.length / 1024)} KB)`);
    }
  } finally {
    await release();
  }
  return diagnostics.length > 0 ? report() : EXIT.ok;
}
