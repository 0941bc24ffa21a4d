// A slow MySQL client in its own process: streams one query's rows with mysql2, pausing 300 ms every
// 200,000 rows, and prints {"count", "sum"} of column n. In its own process so that the server's
// memory can be measured without the client's rows in it.
//   node slow-reader.mjs PORT SQL
import mysql from 'mysql2';

const [port, sql] = process.argv.slice(2);
const conn = mysql.createConnection({ host: '127.0.0.1', port: Number(port), user: 'root' });
let count = 0;
let sum = 0n;
const stream = conn.query(sql).stream({ highWaterMark: 100 });
stream.on('data', (row) => {
  count++;
  sum += BigInt(row.n);
  if (count % 200_000 === 0) {
    stream.pause();
    setTimeout(() => stream.resume(), 300);
  }
});
stream.on('end', () => {
  process.stdout.write(JSON.stringify({ count, sum: sum.toString() }) + '\n');
  conn.end();
});
stream.on('error', (err) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
