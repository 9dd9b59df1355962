/**
 * The JSON Schemas in schema/ are what `casepress schema` writes today, and every
 * YAML file of the example agency names the schema of its own kind, so an editor
 * checks the file as the caseworker types.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/model/json-schema.js';
import { classify } from '../src/load/classify.js';
import { REPO } from './helpers/fixture-root.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe('JSON Schema export', () => {
  it('schema/ is up to date (run `npm run schema` after changing src/model)', () => {
    for (const [kind, schema] of Object.entries(jsonSchemas())) {
      const committed = readFileSync(join(REPO, 'schema', `${kind}.schema.json`), 'utf8');
      expect(committed, `schema/${kind}.schema.json`).toBe(`${JSON.stringify(schema, null, 2)}\n`);
    }
  });

  it('every example YAML file points its editor at the schema of its kind', () => {
    const root = join(REPO, 'cases');
    const files = yamlFiles(root);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const place = classify(relative(root, file).split('\\').join('/'), false);
      expect(place.is, file).toBe('record');
      if (place.is !== 'record') continue;
      const first = readFileSync(file, 'utf8').split('\n')[0]!;
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(match, `${file} starts with a $schema line`).not.toBeNull();
      const target = resolve(dirname(file), match![1]!);
      expect(target).toBe(join(REPO, 'schema', `${place.kind}.schema.json`));
      expect(existsSync(target)).toBe(true);
    }
  });
});
