import { describe, expect, it } from 'vitest';
import { brief } from '../../test/helpers/brief-diagnostics.js';
import { parseLabels } from './labels.js';

describe('templates/labels.yaml', () => {
  it('reads vocabularies of words', () => {
    expect(parseLabels('templates/labels.yaml', 'setting:\n  group_home: Group home\n').labels).toEqual({ setting: { group_home: 'Group home' } });
  });

  it('a word that is not text, or an empty one, is a located error', () => {
    const { labels, diagnostics } = parseLabels('templates/labels.yaml', 'setting:\n  group_home: Group home\n  runaway:\n    - Runaway\nstatus:\n  met: ""\n');
    expect(labels).toBeUndefined();
    expect(brief(diagnostics).map((d) => d.at)).toEqual(['templates/labels.yaml:4:5', 'templates/labels.yaml:6:8']);
  });
});
