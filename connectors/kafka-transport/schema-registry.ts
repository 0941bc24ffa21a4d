// Avro in Confluent's wire format (magic byte 0, 4-byte schema id, Avro binary) against a
// Confluent-compatible schema registry. Registration goes through
// @kafkajs/confluent-schema-registry, so the registry's compatibility rules decide; encoding and
// decoding use avsc with 64-bit longs read as BigInt, so BIGINT values above 2^53 stay exact.
import avsc from 'avsc';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';

const LongType = avsc.types.LongType.__with({
  fromBuffer: (buf: Buffer) => buf.readBigInt64LE(),
  toBuffer: (n: bigint | number) => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(BigInt(n));
    return buf;
  },
  fromJSON: (x: unknown) => BigInt(x as number),
  toJSON: (n: bigint) => Number(n),
  isValid: (n: unknown) => typeof n === 'bigint' || Number.isInteger(n),
  compare: (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0),
});

function parse(schema: unknown): avsc.Type {
  return avsc.Type.forSchema(schema as avsc.Schema, {
    typeHook: (s: unknown) => (s === 'long' || (typeof s === 'object' && s !== null && (s as { type?: unknown }).type === 'long') ? (LongType as unknown as avsc.Type) : undefined),
  });
}

/** The registry refused a schema (incompatible with the subject's earlier versions, or invalid). */
export class SchemaRefused extends Error {
  constructor(
    readonly subject: string,
    message: string,
  ) {
    super(message);
    this.name = 'SchemaRefused';
  }
}

export interface DecodedMessage {
  schemaId: number;
  /** The writer's schema as registered, with its Connect attributes. */
  schema: Record<string, unknown>;
  value: Record<string, unknown>;
}

export class AvroRegistry {
  private readonly client: SchemaRegistry;
  private readonly registered = new Map<string, { id: number; type: avsc.Type }>();
  private readonly byId = new Map<number, Promise<{ schema: Record<string, unknown>; type: avsc.Type }>>();
  /** Encoders by schema object: serialising the schema to find its type cost more than encoding the row. */
  private readonly types = new WeakMap<Record<string, unknown>, avsc.Type>();

  constructor(readonly url: string, auth?: { username: string; password: string }) {
    this.client = new SchemaRegistry({ host: url, ...(auth ? { auth } : {}), retry: { retries: 3 } });
  }

  /** The schema's id under `subject`, registering it as the subject's next version when new. */
  async register(subject: string, schema: Record<string, unknown>): Promise<number> {
    const text = JSON.stringify(schema);
    const cacheKey = `${subject}\n${text}`;
    const known = this.registered.get(cacheKey);
    if (known) return known.id;
    let id: number;
    try {
      ({ id } = await this.client.register({ type: SchemaType.AVRO, schema: text }, { subject }));
    } catch (err) {
      const e = err as Error & { status?: number };
      if (/compatib|invalid|422|409/i.test(`${e.name} ${e.message} ${e.status ?? ''}`)) throw new SchemaRefused(subject, `the schema registry at ${this.url} refused a new version of subject ${subject}: ${e.message}`);
      throw new Error(`the schema registry at ${this.url} cannot be reached to register ${subject}: ${e.message}`);
    }
    this.registered.set(cacheKey, { id, type: parse(schema) });
    return id;
  }

  encode(subject: string, schema: Record<string, unknown>, id: number, value: unknown): Buffer {
    let type = this.types.get(schema);
    if (!type) this.types.set(schema, (type = this.registered.get(`${subject}\n${JSON.stringify(schema)}`)?.type ?? parse(schema)));
    const body = type.toBuffer(value);
    const out = Buffer.allocUnsafe(5 + body.length);
    out[0] = 0;
    out.writeInt32BE(id, 1);
    body.copy(out, 5);
    return out;
  }

  async decode(message: Buffer): Promise<DecodedMessage> {
    if (message.length < 5 || message[0] !== 0) throw new Error(`the message is not in Confluent's wire format (magic byte ${message[0]}, ${message.length} bytes)`);
    const schemaId = message.readInt32BE(1);
    let entry = this.byId.get(schemaId);
    if (!entry) {
      entry = this.fetchSchema(schemaId);
      this.byId.set(schemaId, entry);
      entry.catch(() => this.byId.delete(schemaId));
    }
    const { schema, type } = await entry;
    return { schemaId, schema, value: type.fromBuffer(message.subarray(5)) as Record<string, unknown> };
  }

  /** The schema as the registry holds it: its raw JSON keeps the Connect attributes avsc drops. */
  private async fetchSchema(id: number): Promise<{ schema: Record<string, unknown>; type: avsc.Type }> {
    const res = await fetch(`${this.url}/schemas/ids/${id}`);
    if (!res.ok) throw new Error(`the schema registry at ${this.url} has no schema ${id} (HTTP ${res.status})`);
    const body = (await res.json()) as { schema: string; schemaType?: string };
    if (body.schemaType && body.schemaType !== 'AVRO') throw new Error(`schema ${id} is ${body.schemaType}, not Avro`);
    const schema = JSON.parse(body.schema) as Record<string, unknown>;
    return { schema, type: parse(schema) };
  }
}
