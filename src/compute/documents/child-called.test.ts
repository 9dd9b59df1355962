import { describe, expect, it } from 'vitest';
import { childCalled } from './child-called.js';

describe('what a document calls the child after the first mention', () => {
  it('is the preferred name the case records', () => {
    expect(childCalled({ name: 'José Luis Núñez-García', preferred_name: 'Joey' })).toBe('Joey');
    // A name written family name first needs its preferred name: the first word is the family's.
    expect(childCalled({ name: 'Trần Minh Châu', preferred_name: 'Châu' })).toBe('Châu');
  });

  it('is otherwise the first name of the legal name', () => {
    expect(childCalled({ name: "Zoë O'Brien" })).toBe('Zoë');
    expect(childCalled({ name: ' Kaden Ray Caudill', preferred_name: null })).toBe('Kaden');
  });
});
