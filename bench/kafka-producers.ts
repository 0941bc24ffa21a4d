// Two Kafka producer clients for the publisher, side by side against the same real brokers:
// kafkajs 2.2.4 (what connectors/kafka-transport uses) and @platformatic/kafka 1.x.
// Both are set up as the publisher needs them: idempotent, acks=all, one request in flight per
// connection (order per key), no compression. For each client × broker (Kafka 3.9 and 4.x, from
// /tmp/instaquery-services/{kafka39,kafka4}/connection.json):
//   1. batched: N messages (~600-byte random values, the size of an Avro change event; keys
//      from 10,000 ids) in sends of B messages, each awaited before the next — as the publisher
//      sends a source transaction group and awaits it before advancing the offset. Reports
//      messages/s, MB/s (key+value bytes), p50/p99 per-send ack latency, and the messages the
//      topic holds afterwards (sum of high watermarks, which must be exactly N);
//   2. single: S sends of 1 message each (single-row transactions): p50/p99 latency.
// Every case gets a fresh topic (3 partitions, rf 1) made with the client's own admin, waited on
// until its leader takes writes (untimed), and deleted after it is counted. Cases run R times,
// interleaved; tables show medians. A client that fails against a broker (@platformatic/kafka 1.x
// supports Kafka 3.5–4.1) shows its error in the table instead of figures.
//   npx tsx bench/kafka-producers.ts [--messages 200000] [--batch 500] [--singles 2000] [--repeats 3] [--timeout 90]
import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel, Partitioners, type Admin as KafkajsAdmin } from 'kafkajs';
import { Admin as PlatformaticAdmin, ProduceAcks, Producer as PlatformaticProducer } from '@platformatic/kafka';
import { argNumber, percentile, printTable } from './support.ts';

const messages = argNumber('messages', 200_000);
const batchSize = argNumber('batch', 500);
const singles = argNumber('singles', 2000);
const repeats = argNumber('repeats', 3);
const caseTimeoutMs = argNumber('timeout', 90) * 1000;
const KEYS = 10_000;

const servicesDir = process.env.INSTAQUERY_SERVICES_DIR ?? '/tmp/instaquery-services';
interface Broker {
  label: string;
  bootstrap: string[];
}
const brokers: Broker[] = ['kafka39', 'kafka4'].map((name) => {
  const c = JSON.parse(readFileSync(`${servicesDir}/${name}/connection.json`, 'utf8')) as { bootstrapServers: string; version: string };
  return { label: `Kafka ${c.version}`, bootstrap: c.bootstrapServers.split(',') };
});

// Anything a client lets escape (a rejected promise nobody awaits, an 'error' event) is a caveat
// to report, not a reason to lose the other cases.
const strayErrors: string[] = [];
process.on('unhandledRejection', (e) => strayErrors.push(`unhandled rejection: ${errorText(e)}`));
const retries: string[] = []; // retries the client reports (only @platformatic/kafka has an event for them)

function errorText(e: unknown): string {
  const err = e as { message?: string; cause?: unknown; errors?: unknown[] };
  let text = err?.message ?? String(e);
  const inner = err?.errors?.[0] ?? err?.cause;
  if (inner) text += ` (${errorText(inner)})`;
  return text.replace(/\s+/g, ' ').slice(0, 160);
}

/** The workload: keys from KEYS ids, incompressible values of 500–700 bytes (mean ~600). */
interface Msg {
  key: Buffer;
  value: Buffer;
}
const keys = Array.from({ length: KEYS }, (_, i) => Buffer.from(`bill-${i}`));
const values = Array.from({ length: 4096 }, () => randomBytes(500 + randomInt(201)));
const makeMessages = (n: number): Msg[] => Array.from({ length: n }, (_, i) => ({ key: keys[randomInt(KEYS)]!, value: values[i % values.length]! }));
const chunk = (all: Msg[], size: number): Msg[][] => Array.from({ length: Math.ceil(all.length / size) }, (_, i) => all.slice(i * size, (i + 1) * size));
const batched = makeMessages(messages);
const batchedBytes = batched.reduce((s, m) => s + m.key.length + m.value.length, 0);
const batchedSends = chunk(batched, batchSize);
const singleSends = chunk(makeMessages(singles), 1);

/** One producer client, connected, with a way to make topics; sends are awaited one by one. */
interface ClientUnderTest {
  createTopic(topic: string): Promise<void>;
  send(topic: string, batch: Msg[]): Promise<void>;
  close(): Promise<void>;
}

const clients: Record<string, (broker: Broker) => Promise<ClientUnderTest>> = {
  'kafkajs 2.2.4': async (broker) => {
    // As connectors/kafka-transport/kafka-settings.ts builds it (acks=-1 is kafkajs' default; said explicitly below).
    const kafka = new Kafka({ clientId: 'bench-kafkajs', brokers: broker.bootstrap, logLevel: logLevel.ERROR, retry: { retries: 12, initialRetryTime: 300, maxRetryTime: 5000 } });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    const admin = kafka.admin();
    const close = async () => {
      await producer.disconnect().catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
    };
    try {
      await producer.connect(); // also gets the producer id (InitProducerId)
      await admin.connect();
    } catch (e) {
      await close();
      throw e;
    }
    return {
      createTopic: async (topic) => {
        await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3, replicationFactor: 1 }] });
      },
      send: async (topic, batch) => {
        await producer.send({ topic, acks: -1, messages: batch });
      },
      close,
    };
  },
  [`@platformatic/kafka ${(JSON.parse(readFileSync(new URL('../node_modules/@platformatic/kafka/package.json', import.meta.url), 'utf8')) as { version: string }).version}`]: async (broker) => {
    // idempotent forces maxInflights 1 per connection and acks ALL; compression defaults to none.
    // retries: 12 as the kafkajs client has (idempotent would otherwise retry without limit).
    const producer = new PlatformaticProducer({ clientId: 'bench-platformatic', bootstrapBrokers: broker.bootstrap, idempotent: true, acks: ProduceAcks.ALL, maxInflights: 1, retries: 12, autocreateTopics: false });
    const admin = new PlatformaticAdmin({ clientId: 'bench-platformatic-admin', bootstrapBrokers: broker.bootstrap, retries: 12 });
    producer.on('client:performWithRetry:retry', (operation: string) => retries.push(`@platformatic/kafka producer retried '${operation}' on ${broker.label}`));
    producer.on('error', (e: unknown) => strayErrors.push(`platformatic producer error event: ${errorText(e)}`));
    admin.on('error', (e: unknown) => strayErrors.push(`platformatic admin error event: ${errorText(e)}`));
    const close = async () => {
      await producer.close().catch(() => undefined);
      await admin.close().catch(() => undefined);
    };
    try {
      await producer.initIdempotentProducer({}); // kafkajs does this in connect(); keep it out of the timing for both
    } catch (e) {
      await close();
      throw e;
    }
    return {
      createTopic: async (topic) => {
        await admin.createTopics({ topics: [topic], partitions: 3, replicas: 1 });
      },
      send: async (topic, batch) => {
        await producer.send({ messages: batch.map((m) => ({ topic, key: m.key, value: m.value })) });
      },
      close,
    };
  },
};
const clientNames = Object.keys(clients);

/** Per broker, a kafkajs admin apart from the clients under test: leaders, counting, deleting. */
const verifiers = new Map<Broker, { admin: KafkajsAdmin; ready: Promise<void> }>();
function verifier(broker: Broker): Promise<KafkajsAdmin> {
  let v = verifiers.get(broker);
  if (!v) {
    const admin = new Kafka({ clientId: 'bench-verifier', brokers: broker.bootstrap, logLevel: logLevel.NOTHING }).admin();
    v = { admin, ready: admin.connect() };
    verifiers.set(broker, v);
  }
  return v.ready.then(() => v.admin);
}

/**
 * Waits until the topic takes writes: every partition has a leader and the leader answers for
 * it (ListOffsets). Leaders in the metadata alone are not enough — a produce right then can get
 * NOT_LEADER_OR_FOLLOWER, and a client's retry back-off would be timed as if it were sending.
 */
async function waitUntilWritable(admin: KafkajsAdmin, topic: string): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      const partitions = topics[0]?.partitions ?? [];
      if (partitions.length === 3 && partitions.every((p) => p.leader >= 0)) {
        await admin.fetchTopicOffsets(topic);
        return;
      }
    } catch {
      // not there yet
    }
    if (Date.now() > until) throw new Error(`topic ${topic} not writable after 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function withTimeout<T>(what: string, p: Promise<T>, ms: number): Promise<T> {
  p.catch(() => undefined); // if the timeout wins, the loser's later rejection is not a crash
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms / 1000} s`)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

interface Run {
  seconds: number;
  latencies: number[]; // sorted, ms per send
  stored: number;
}
type Outcome = Run | { error: string };

let topicSeq = 0;
async function runCase(client: string, broker: Broker, sends: Msg[][]): Promise<Outcome> {
  const topic = `bench-producers-${process.pid}-${++topicSeq}`;
  let check: KafkajsAdmin | undefined;
  let cut: ClientUnderTest | undefined;
  try {
    check = await withTimeout('verifier connect', verifier(broker), 30_000);
    const opening = clients[client]!(broker);
    cut = await withTimeout('connect', opening, 30_000).catch((e: unknown) => {
      opening.then((c) => c.close(), () => undefined); // if it connects after all, close it
      throw e;
    });
    const c = cut;
    await withTimeout('create topic', c.createTopic(topic), 30_000);
    await waitUntilWritable(check, topic);
    const latencies: number[] = [];
    const started = performance.now();
    await withTimeout(
      'produce',
      (async () => {
        for (const batch of sends) {
          const t = performance.now();
          await c.send(topic, batch);
          latencies.push(performance.now() - t);
        }
      })(),
      caseTimeoutMs,
    );
    const seconds = (performance.now() - started) / 1000;
    const offsets = await check.fetchTopicOffsets(topic);
    const stored = offsets.reduce((s, o) => s + Number(o.high) - Number(o.low), 0);
    return { seconds, latencies: latencies.sort((a, b) => a - b), stored };
  } catch (e) {
    return { error: errorText(e) };
  } finally {
    await cut?.close();
    await check?.deleteTopics({ topics: [topic] }).catch(() => undefined);
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

// Run: repeats outermost, so each client sees the brokers in the same state (page cache, segments).
const results = new Map<string, { batched: Outcome[]; single: Outcome[] }>();
const id = (client: string, broker: Broker) => `${client}|${broker.label}`;
const totalStarted = Date.now();
for (let r = 1; r <= repeats; r++) {
  for (const broker of brokers) {
    for (const client of clientNames) {
      const entry = results.get(id(client, broker)) ?? { batched: [], single: [] };
      results.set(id(client, broker), entry);
      const b = await runCase(client, broker, batchedSends);
      entry.batched.push(b);
      const s = await runCase(client, broker, singleSends);
      entry.single.push(s);
      const note = (o: Outcome, what: string) => ('error' in o ? `${what} failed: ${o.error}` : `${what} ${o.seconds.toFixed(1)} s`);
      console.error(`[${r}/${repeats}] ${client} on ${broker.label}: ${note(b, 'batched')}; ${note(s, 'single')}`);
    }
  }
}

const ok = (os: Outcome[]): Run[] => os.filter((o): o is Run => !('error' in o));
const failure = (os: Outcome[]): string => {
  const errors = os.filter((o): o is { error: string } => 'error' in o);
  return errors.length === 0 ? 'ok' : `${errors.length}/${os.length} failed: ${errors[0]!.error}`;
};
const storedCell = (runs: Run[], expected: number) => (runs.length === 0 ? '-' : runs.every((x) => x.stored === expected) ? `${expected} ✓` : `${runs.map((x) => x.stored).join('/')} ✗`);
const ms = (x: number) => x.toFixed(2);

const throughput = new Map<string, number>();
const batchedRows: Record<string, string | number>[] = [];
const singleRows: Record<string, string | number>[] = [];
const singleP50 = new Map<string, number>();
for (const broker of brokers) {
  for (const client of clientNames) {
    const { batched: bo, single: so } = results.get(id(client, broker))!;
    const b = ok(bo);
    const mps = b.length ? median(b.map((x) => messages / x.seconds)) : NaN;
    if (b.length) throughput.set(id(client, broker), mps);
    batchedRows.push({
      client,
      broker: broker.label,
      'messages/s': b.length ? Math.round(mps) : '-',
      'MB/s': b.length ? median(b.map((x) => batchedBytes / 1e6 / x.seconds)).toFixed(1) : '-',
      'send p50 ms': b.length ? ms(median(b.map((x) => percentile(x.latencies, 50)))) : '-',
      'send p99 ms': b.length ? ms(median(b.map((x) => percentile(x.latencies, 99)))) : '-',
      'max ms (worst run)': b.length ? ms(Math.max(...b.map((x) => x.latencies.at(-1)!))) : '-',
      stored: storedCell(b, messages),
      result: failure(bo),
    });
    const s = ok(so);
    if (s.length) singleP50.set(id(client, broker), median(s.map((x) => percentile(x.latencies, 50))));
    singleRows.push({
      client,
      broker: broker.label,
      sends: singles,
      'p50 ms': s.length ? ms(median(s.map((x) => percentile(x.latencies, 50)))) : '-',
      'p99 ms': s.length ? ms(median(s.map((x) => percentile(x.latencies, 99)))) : '-',
      'max ms (worst run)': s.length ? ms(Math.max(...s.map((x) => x.latencies.at(-1)!))) : '-',
      'sends/s': s.length ? Math.round(median(s.map((x) => singles / x.seconds))) : '-',
      stored: storedCell(s, singles),
      result: failure(so),
    });
  }
}

const meanValue = batchedBytes / messages;
printTable(
  `Batched: ${messages.toLocaleString()} messages (key+value ≈ ${meanValue.toFixed(0)} B) in sends of ${batchSize}, each awaited; idempotent, acks=all, 1 in flight, no compression; median of ${repeats}`,
  batchedRows,
);
printTable(`Single-message sends: ${singles.toLocaleString()} sends of 1 message, each awaited; median of ${repeats}`, singleRows);

const [kafkajsName, platformaticName] = clientNames as [string, string];
const ratio = (m: Map<string, number>, broker: Broker, invert = false) => {
  const a = m.get(id(platformaticName, broker));
  const b = m.get(id(kafkajsName, broker));
  if (a === undefined || b === undefined) return `${broker.label} n/a`;
  return `${broker.label} ×${(invert ? b / a : a / b).toFixed(2)}`;
};
console.log(`\nthroughput ratio ${platformaticName} / ${kafkajsName} (batched messages/s): ${brokers.map((b) => ratio(throughput, b)).join(', ')}`);
console.log(`single-send p50 speed-up ${platformaticName} vs ${kafkajsName} (kafkajs p50 / platformatic p50): ${brokers.map((b) => ratio(singleP50, b, true)).join(', ')}`);
console.log(`total run ${((Date.now() - totalStarted) / 1000).toFixed(0)} s`);
if (retries.length) console.log(`\nretries during the cases: ${[...new Set(retries)].map((r) => `${r} ×${retries.filter((x) => x === r).length}`).join('; ')}`);
if (strayErrors.length) console.log(`\nstray client errors (${strayErrors.length}):\n${[...new Set(strayErrors)].slice(0, 10).join('\n')}`);

for (const { admin } of verifiers.values()) await admin.disconnect().catch(() => undefined);
// Everything is closed; if a client still holds a socket or timer, say so instead of hanging.
setTimeout(() => {
  console.error('forcing exit: a client left handles open after close');
  process.exit(0);
}, 10_000).unref();
