// The engine's answers as packets: a result (OK, or column definitions and rows in the text or
// binary protocol) and a prepared statement's description.
import { ServerStatus } from './protocol/constants.ts';
import { encodeColumnCount, encodeColumnDefinition, encodeEof, encodeOk, encodeResultsetEnd, encodeTextRow } from './protocol/result-packets.ts';
import { encodeBinaryRow, encodePrepareOk } from './protocol/binary-protocol.ts';
import { textColumn } from './mysql-types.ts';
import type { PacketOutput } from './packet-output.ts';
import type { PreparedStatementInfo, QueryResult, TextValue } from './result-set.ts';

/**
 * Sends a result: OK, or column definitions and rows (text or binary protocol), streamed in
 * batches and paced by the socket, so a large result never piles up in memory. An error while
 * rows stream ends the result with an ERR packet, as MySQL does.
 */
export async function sendResult(out: PacketOutput, result: QueryResult, binary: boolean, moreResults: boolean, deprecateEof: boolean): Promise<void> {
  const status = ServerStatus.AUTOCOMMIT | (moreResults ? ServerStatus.MORE_RESULTS_EXISTS : 0);
  if (result.kind === 'ok') return out.send(encodeOk({ affectedRows: result.affectedRows ?? 0, info: result.info, status }));
  const { columns } = result;
  out.send(encodeColumnCount(columns.length));
  for (const c of columns) out.send(encodeColumnDefinition(c, false, out.extendedMetadata));
  if (!deprecateEof) out.send(encodeEof());
  const encode = binary ? (row: TextValue[]) => encodeBinaryRow(columns, row) : encodeTextRow;
  const batches = Array.isArray(result.rows) ? [result.rows] : result.rows;
  for await (const batch of batches) {
    if (out.closed()) return;
    out.sendMany(batch.map(encode));
    await out.drained();
  }
  out.send(encodeResultsetEnd(deprecateEof, status));
}

/** COM_STMT_PREPARE's answer: the statement's id, then its parameters' and result columns' definitions. */
export function sendPrepareOk(out: PacketOutput, info: PreparedStatementInfo, deprecateEof: boolean): void {
  out.send(encodePrepareOk(info.id, info.columns.length, info.params));
  if (info.params > 0) {
    for (let i = 0; i < info.params; i++) out.send(encodeColumnDefinition(textColumn('?'), false, out.extendedMetadata));
    if (!deprecateEof) out.send(encodeEof());
  }
  if (info.columns.length > 0) {
    for (const c of info.columns) out.send(encodeColumnDefinition(c, false, out.extendedMetadata));
    if (!deprecateEof) out.send(encodeEof());
  }
}
