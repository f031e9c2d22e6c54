import { describe, expect, it } from 'vitest';
import { normalisePostcode, postcodeProblem, postcodeSearchKey } from './postcode.js';
import { clientCreateSchema } from './client.js';

describe('Dutch postcode', () => {
  it('normalises to "1234 AB"', () => {
    expect(normalisePostcode('1234ab')).toBe('1234 AB');
    expect(normalisePostcode(' 1234   Ab ')).toBe('1234 AB');
  });
  it('rejects what is not a postcode', () => {
    for (const bad of ['0123 AB', '123 AB', '1234 A', '1234 SS', 'ABCD 12', '']) expect(normalisePostcode(bad)).toBeNull();
    expect(postcodeProblem('12345')).toMatch(/4 cijfers en 2 letters/);
  });
  it('search key drops the space', () => {
    expect(postcodeSearchKey('1234 ab')).toBe('1234AB');
  });
  it('client schema reports Dutch field errors', () => {
    const result = clientCreateSchema.safeParse({ firstName: 'Jan', lastName: '', postcode: '12', bsn: '123456789' });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringMatching(/^lastName: De achternaam is verplicht/), expect.stringMatching(/^postcode: /), expect.stringMatching(/^bsn: .*elfproef/)]),
    );
  });
});
