import { describe, expect, it } from 'vitest';
import { READ_BY_HOMES_DOCUMENTS, readBeyond } from './parts.js';

describe('what a homes\' document read beyond what its part loaded', () => {
  it('is the first input inside a child\'s folder that is not a case record or a plan', () => {
    const within = ['agency.yaml', 'homes/H-1/home.yaml', '@children-placed-in/H-1', 'children/C-1/case.yaml', 'children/C-2/plan.yaml'];
    expect(readBeyond(within, READ_BY_HOMES_DOCUMENTS)).toBeUndefined();
    expect(readBeyond([...within, 'children/C-1/contacts/', 'children/C-1/transition.yaml'], READ_BY_HOMES_DOCUMENTS)).toBe('children/C-1/contacts/');
    expect(readBeyond(['children/C-1/', 'children/C-1'], READ_BY_HOMES_DOCUMENTS)).toBe('children/C-1/');
    expect(readBeyond(['children/C-1'], READ_BY_HOMES_DOCUMENTS)).toBe('children/C-1');
  });
});
