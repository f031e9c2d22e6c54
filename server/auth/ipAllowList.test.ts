import { describe, expect, it } from 'vitest';
import { invalidRanges, ipAllowed } from './ipAllowList.js';

describe('IP allow-list', () => {
  it('allows everything when empty', () => {
    expect(ipAllowed([], '203.0.113.9')).toBe(true);
  });
  it('matches IPv4 and IPv6 ranges, and IPv4-mapped IPv6 addresses', () => {
    const list = ['192.0.2.0/24', '2001:db8::/32'];
    expect(ipAllowed(list, '192.0.2.77')).toBe(true);
    expect(ipAllowed(list, '::ffff:192.0.2.77')).toBe(true);
    expect(ipAllowed(list, '192.0.3.1')).toBe(false);
    expect(ipAllowed(list, '2001:db8:1::5')).toBe(true);
    expect(ipAllowed(list, '2001:db9::5')).toBe(false);
  });
  it('refuses an address that is not an IP at all', () => {
    expect(ipAllowed(['0.0.0.0/0'], 'not-an-ip')).toBe(false);
  });
  it('finds ranges node cannot use', () => {
    expect(invalidRanges(['192.0.2.0/24', '2001:db8::/129', 'x/3'])).toEqual(['2001:db8::/129', 'x/3']);
  });
});
