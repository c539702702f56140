import { BlockList, isIP } from 'node:net';

/**
 * Addresses an online tile source must not reach unless the administrator named its host:
 * this machine, the local networks, and ranges that are not the public internet. Checked on
 * the address the name resolved to, and that same address is the one connected to.
 */
const RANGES: { reason: string; family: 'ipv4' | 'ipv6'; subnet: string; prefix: number }[] = [
  { reason: 'unspecified', family: 'ipv4', subnet: '0.0.0.0', prefix: 8 },
  { reason: 'private', family: 'ipv4', subnet: '10.0.0.0', prefix: 8 },
  { reason: 'carrier-grade NAT', family: 'ipv4', subnet: '100.64.0.0', prefix: 10 },
  { reason: 'loopback', family: 'ipv4', subnet: '127.0.0.0', prefix: 8 },
  { reason: 'link-local', family: 'ipv4', subnet: '169.254.0.0', prefix: 16 },
  { reason: 'private', family: 'ipv4', subnet: '172.16.0.0', prefix: 12 },
  { reason: 'reserved', family: 'ipv4', subnet: '192.0.0.0', prefix: 24 },
  { reason: 'documentation', family: 'ipv4', subnet: '192.0.2.0', prefix: 24 },
  { reason: 'relay', family: 'ipv4', subnet: '192.88.99.0', prefix: 24 },
  { reason: 'private', family: 'ipv4', subnet: '192.168.0.0', prefix: 16 },
  { reason: 'benchmarking', family: 'ipv4', subnet: '198.18.0.0', prefix: 15 },
  { reason: 'documentation', family: 'ipv4', subnet: '198.51.100.0', prefix: 24 },
  { reason: 'documentation', family: 'ipv4', subnet: '203.0.113.0', prefix: 24 },
  { reason: 'multicast', family: 'ipv4', subnet: '224.0.0.0', prefix: 4 },
  { reason: 'reserved', family: 'ipv4', subnet: '240.0.0.0', prefix: 4 },
  // IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) are refused whole:
  // a public tile server has a plain address, and each form is a way round the IPv4 list.
  { reason: 'IPv4 inside IPv6', family: 'ipv6', subnet: '::', prefix: 96 },
  { reason: 'IPv4 inside IPv6', family: 'ipv6', subnet: '::ffff:0:0', prefix: 96 },
  { reason: 'IPv4 inside IPv6', family: 'ipv6', subnet: '64:ff9b::', prefix: 96 },
  { reason: 'IPv4 inside IPv6', family: 'ipv6', subnet: '64:ff9b:1::', prefix: 48 },
  { reason: 'IPv4 inside IPv6', family: 'ipv6', subnet: '2002::', prefix: 16 },
  { reason: 'reserved', family: 'ipv6', subnet: '100::', prefix: 64 },
  { reason: 'reserved', family: 'ipv6', subnet: '2001::', prefix: 23 },
  { reason: 'documentation', family: 'ipv6', subnet: '2001:db8::', prefix: 32 },
  { reason: 'private', family: 'ipv6', subnet: 'fc00::', prefix: 7 },
  { reason: 'link-local', family: 'ipv6', subnet: 'fe80::', prefix: 10 },
  { reason: 'site-local', family: 'ipv6', subnet: 'fec0::', prefix: 10 },
  { reason: 'multicast', family: 'ipv6', subnet: 'ff00::', prefix: 8 },
];

const LISTS = RANGES.map((range) => {
  const list = new BlockList();
  list.addSubnet(range.subnet, range.prefix, range.family);
  return { reason: range.reason, family: range.family, list };
});

/** Why `address` is not a public internet address (loopback, private, link-local…), or null when it is one. */
export function addressRefusal(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const version = isIP(bare);
  if (version === 0) return 'not an IP address';
  const family = version === 4 ? 'ipv4' : 'ipv6';
  if (family === 'ipv6') {
    const loopback = new BlockList();
    loopback.addAddress('::1', 'ipv6');
    if (loopback.check(bare, 'ipv6')) return 'loopback';
    if (bare === '::' || /^[0:]+$/.test(bare)) return 'unspecified';
  }
  for (const entry of LISTS) {
    if (entry.family === family && entry.list.check(bare, family)) return entry.reason;
  }
  return null;
}
