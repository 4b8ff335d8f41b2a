// Who is asking: the address of the socket, or, when that socket is a configured trusted proxy, the right-most
// address in X-Forwarded-For that is not itself a trusted proxy. A header from anyone else is ignored, so
// that rotating it does not make a new client.
import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** `::ffff:127.0.0.1` is 127.0.0.1: IPv4 clients of a dual-stack socket are named as IPv4. */
const plain = (address: string) => {
  const a = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped ? mapped[1] : a.toLowerCase();
};

export class TrustedProxies {
  private readonly list = new BlockList();
  private readonly any: boolean;

  /** `entries`: addresses and networks as the config validated them (`127.0.0.1`, `10.0.0.0/8`, `fd00::/8`). */
  constructor(entries: readonly string[]) {
    this.any = entries.length > 0;
    for (const entry of entries) {
      const [address, prefix] = entry.split('/');
      const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) this.list.addAddress(plain(address), type);
      else this.list.addSubnet(plain(address), Number(prefix), type);
    }
  }

  trusts(address: string): boolean {
    if (!this.any) return false;
    const a = plain(address);
    const family = isIP(a);
    return family !== 0 && this.list.check(a, family === 6 ? 'ipv6' : 'ipv4');
  }

  /** The client behind `socket`, given the X-Forwarded-For header the request came with. */
  clientOf(socket: string, forwardedFor: string | undefined): string {
    const own = plain(socket);
    if (!forwardedFor || !this.trusts(own)) return own;
    const hops = forwardedFor.split(',').map(plain).filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) {
      // A hop that is not an address was written by someone we do not trust: it is the client as far as we know.
      if (!isIP(hops[i]) || !this.trusts(hops[i])) return hops[i].slice(0, 64);
    }
    return hops[0]?.slice(0, 64) ?? own;
  }
}

/** The socket's address; requests made without a socket (the app called in-process) have none. */
export function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? '';
  } catch {
    return '';
  }
}

export function clientAddress(c: Context, proxies: TrustedProxies): string {
  return proxies.clientOf(socketAddress(c), c.req.header('x-forwarded-for')) || 'unknown';
}
