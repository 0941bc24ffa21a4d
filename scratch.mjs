import { DuckDBInstance } from '@duckdb/node-api';
const i = await DuckDBInstance.create(':memory:'); const c = await i.connect();
await c.run(`create table st as select 'rb' db, 'bill' tbl, '[{"name":"id","columnType":"bigint(20) unsigned","nullable":false},{"name":"amt","columnType":"decimal(14,2)","nullable":true}]'::JSON AS "columns", '["id"]'::JSON primary_key`);
const r = await c.runAndReadAll(`select db, tbl, u.c.name, u.c.columnType, u.c.nullable, ord, list_position(from_json(primary_key, '["VARCHAR"]'), u.c.name) AS pk from st, unnest(from_json("columns", '[{"name":"VARCHAR","columnType":"VARCHAR","nullable":"BOOLEAN"}]')) with ordinality as u(c, ord)`);
console.log(r.getRowsJS());
