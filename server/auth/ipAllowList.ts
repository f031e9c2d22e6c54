import { BlockList, isIP } from 'node:net';

/**
 * Whether `ip` falls in one of the organisation's CIDR ranges. An empty list allows everything.
 * IPv4 addresses seen through an IPv6 socket (::ffff:192.0.2.1) are judged as IPv4.
 */
export function ipAllowed(allowList: readonly string[], ip: string): boolean {
  if (allowList.length === 0) return true;
  const address = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
  const family = isIP(address);
  if (family === 0) return false;
  const list = new BlockList();
  for (const range of allowList) {
    const [network, prefix] = range.split('/');
    const networkFamily = isIP(network ?? '');
    if (!network || networkFamily === 0 || prefix === undefined) continue;
    list.addSubnet(network, Number(prefix), networkFamily === 4 ? 'ipv4' : 'ipv6');
  }
  return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Ranges that are not valid CIDR in node's eyes (the zod schema already checks the shape). */
export function invalidRanges(allowList: readonly string[]): string[] {
  return allowList.filter((range) => {
    const [network, prefix] = range.split('/');
    const family = isIP(network ?? '');
    const bits = Number(prefix);
    return family === 0 || !Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128);
  });
}
