// KIP-875: a connector's offsets as Kafka Connect shapes them (GET/PATCH/DELETE
// /connectors/{name}/offsets): a source's binlog position under its server's partition, a sink's
// Kafka positions per topic partition.
import type { SourceOffset } from '../core/index.ts';
import type { KafkaPosition } from '../store/index.ts';
import { ConnectError } from './connect-error.ts';
import type { TargetState } from './connector-entry.ts';

export interface ConnectOffsets {
  offsets: { partition: Record<string, unknown>; offset: Record<string, unknown> }[];
}

export function sourceOffsets(prefix: string, offset: SourceOffset | null | undefined): ConnectOffsets {
  return { offsets: offset ? [{ partition: { server: prefix }, offset: { file: offset.file, pos: offset.pos, gtids: offset.gtid, snapshot_completed: offset.snapshotCompleted } }] : [] };
}

export function sinkOffsets(positions: KafkaPosition[]): ConnectOffsets {
  return { offsets: positions.map((p) => ({ partition: { kafka_topic: p.topic, kafka_partition: p.partition }, offset: { kafka_offset: Number(p.next) } })) };
}

/** Offsets are changed only while the connector is stopped, as Kafka Connect requires. */
export function mustBeStopped(name: string, target: TargetState): void {
  if (target !== 'STOPPED') throw new ConnectError(400, `Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${name}/stop' endpoint`);
}

/** The source offset a PATCH body asks for (one source partition); a 400 for anything else. */
export function alteredSourceOffset(body: unknown, isSource: boolean): SourceOffset {
  const list = (body as { offsets?: { partition?: unknown; offset?: Record<string, unknown> }[] } | null)?.offsets;
  if (!Array.isArray(list) || list.length !== 1 || !isSource) throw new ConnectError(400, 'the body must be {"offsets": [{"partition": {"server": "<topic.prefix>"}, "offset": {"file": "...", "pos": N, "gtids": "..."}}]} (one source partition)');
  const o = list[0]!.offset ?? {};
  if (typeof o.file !== 'string' || !Number.isInteger(Number(o.pos))) throw new ConnectError(400, 'the offset needs "file" (a binlog file name) and "pos" (a position in it)');
  return { file: o.file, pos: Number(o.pos), gtid: typeof o.gtids === 'string' ? o.gtids : null, snapshotCompleted: true };
}
