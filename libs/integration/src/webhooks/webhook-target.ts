import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook may not reach unless WEBHOOK_ALLOW_PRIVATE_TARGETS: this host, the municipality's own network
 * and the cloud metadata endpoint (SSRF). IPv4-mapped, NAT64 and 6to4 IPv6 ranges are refused whole, since they can
 * carry any of the IPv4 ones.
 */
const PRIVATE_V4 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  PRIVATE_V4.addSubnet(network, prefix, 'ipv4');
}
// Apart: a BlockList with the IPv4-mapped range would match every IPv4 address too.
const PRIVATE_V6 = new BlockList();
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::ffff:0:0', 96], // IPv4-mapped
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48], // local-use NAT64
  ['2002::', 16], // 6to4
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  PRIVATE_V6.addSubnet(network, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return family === 4 ? PRIVATE_V4.check(address, 'ipv4') : PRIVATE_V6.check(address, 'ipv6');
}

export type ResolvedAddress = { address: string; family: number };

/** Why a target is refused: a 422 when subscribing, a failed attempt when delivering. */
export class WebhookTargetError extends Error {}

/**
 * Every address the URL's host resolves to, each checked: one private address among public ones is enough to refuse
 * (the HTTP client could pick it). The delivery connects to exactly these addresses, so a DNS answer that changes
 * between the check and the connection (rebinding) cannot slip past.
 */
export async function resolveWebhookTarget(
  url: URL,
  allowPrivate: boolean,
  resolve = lookupAll,
): Promise<ResolvedAddress[]> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: ResolvedAddress[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
  } catch {
    throw new WebhookTargetError(`the host ${host} does not resolve`);
  }
  if (addresses.length === 0) throw new WebhookTargetError(`the host ${host} does not resolve`);
  const refused = addresses.filter((a) => isPrivateAddress(a.address));
  if (!allowPrivate && refused.length > 0) {
    throw new WebhookTargetError(
      `the host ${host} resolves to a private, loopback or link-local address (${refused.map((a) => a.address).join(', ')})`,
    );
  }
  return addresses;
}

function lookupAll(host: string): Promise<ResolvedAddress[]> {
  return lookup(host, { all: true, verbatim: true });
}
