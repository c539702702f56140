import type { Random } from '../../electron/core/seed/prng.ts';
import type { Op } from '../../shared/sync/op.ts';
import { toWire } from '../../electron/core/sync/codec.ts';

/** Random and mutated input for the /sync fuzz test, all drawn from one seeded generator. */
export class FrameFuzzer {
  constructor(readonly random: Random) {}

  int(below: number): number {
    return Math.floor(this.random() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) out[i] = this.int(256);
    return out;
  }

  /** A WebSocket frame as a client would put it on the wire, with every header field up for grabs. */
  wsFrame(payload: Buffer, options: { opcode?: number; masked?: boolean; fin?: boolean; rsv?: number; claimedLength?: bigint } = {}): Buffer {
    const opcode = options.opcode ?? 1;
    const first = ((options.fin ?? true) ? 0x80 : 0) | ((options.rsv ?? 0) << 4) | opcode;
    const masked = options.masked ?? true;
    const length = options.claimedLength ?? BigInt(payload.length);
    let header: Buffer;
    if (length < 126n) header = Buffer.from([first, (masked ? 0x80 : 0) | Number(length)]);
    else if (length < 65536n) { header = Buffer.alloc(4); header[0] = first; header[1] = (masked ? 0x80 : 0) | 126; header.writeUInt16BE(Number(length), 2); }
    else { header = Buffer.alloc(10); header[0] = first; header[1] = (masked ? 0x80 : 0) | 127; header.writeBigUInt64BE(length, 2); }
    if (!masked) return Buffer.concat([header, payload]);
    const mask = this.bytes(4);
    const body = Buffer.from(payload);
    for (let i = 0; i < body.length; i++) body[i]! ^= mask[i % 4]!;
    return Buffer.concat([header, mask, body]);
  }

  /** One hostile frame for a socket that has not finished its handshake. */
  preAuthFrame(hello: Record<string, unknown>): Buffer {
    switch (this.int(8)) {
      case 0: return this.bytes(1 + this.int(64));
      case 1: return this.wsFrame(this.bytes(this.int(200)), { masked: false });
      case 2: return this.wsFrame(Buffer.from(JSON.stringify(this.mutate(hello))));
      case 3: return this.wsFrame(this.bytes(this.int(300)), { opcode: this.pick([0, 2, 3, 7, 8, 9, 10, 11, 15]) });
      case 4: return this.wsFrame(Buffer.from('{}'), { rsv: 1 + this.int(7) });
      case 5: return this.wsFrame(this.bytes(16), { claimedLength: BigInt(2) ** BigInt(40 + this.int(22)) });
      case 6: return this.wsFrame(this.bytes(200), { opcode: 9 });
      default: return this.wsFrame(Buffer.from(JSON.stringify(this.mutate(hello))), { fin: false });
    }
  }

  /** A JSON value with one part changed: a field dropped, retyped, lengthened or replaced. */
  mutate(value: unknown, depth = 0): unknown {
    if (Array.isArray(value) && value.length > 0 && depth < 4 && this.random() < 0.7) {
      const copy = [...value];
      const index = this.int(copy.length);
      copy[index] = this.mutate(copy[index], depth + 1);
      return copy;
    }
    if (value !== null && typeof value === 'object' && depth < 4 && this.random() < 0.7) {
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      const keys = Object.keys(copy);
      if (keys.length === 0) return { [this.strangeString()]: this.strangeValue() };
      const key = this.pick(keys);
      if (this.random() < 0.2) delete copy[key];
      else copy[key] = this.mutate(copy[key], depth + 1);
      return copy;
    }
    return this.strangeValue();
  }

  strangeValue(): unknown {
    return this.pick<() => unknown>([
      () => null, () => -1, () => 2 ** 53 + 1, () => 1e308, () => -0.5, () => 12345, () => true,
      () => '', () => this.strangeString(), () => 'x'.repeat(1 + this.int(5000)), () => [], () => ({}),
      () => ({ __proto__: { polluted: true } }), () => ['*'], () => '*', () => '310104000000',
    ])();
  }

  strangeString(): string {
    return this.pick(['constructor', '__proto__', '\u0000', '../../etc/passwd', '\ud800', '<script>', '全市', 'ZZZ', ' ', '%s%n']);
  }

  /** The base op with only its body mutated, kept an object: well-formed on the wire, wrong inside. */
  mutatedBody(base: Op): unknown[] {
    const wire = [...toWire(base)] as unknown[];
    const body = this.mutate(wire[7]);
    wire[7] = body !== null && typeof body === 'object' && !Array.isArray(body) ? body : { ...(wire[7] as object), title: body };
    return wire;
  }

  /**
   * An op mutated in exactly one field. The base op breaks two independent rules (it claims the
   * receiver's own origin and lies outside the sender's scope), so no single change makes it
   * acceptable: whatever the fuzzer produces, nothing may be stored.
   */
  mutatedOp(base: Op): unknown[] {
    const wire = [...toWire(base)] as unknown[];
    const field = this.int(wire.length + 1);
    if (field === wire.length) return this.random() < 0.5 ? wire.slice(0, this.int(wire.length)) : [...wire, this.strangeValue()];
    wire[field] = field === 7 ? this.mutate(wire[field]) : this.strangeValue();
    return wire;
  }
}
