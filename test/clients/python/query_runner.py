# Runs queries through PyMySQL (Debian's python3-pymysql) and prints what a Python application
# sees, as one JSON line per query, so a test can compare the gateway with MariaDB.
#   /usr/bin/python3 query_runner.py HOST PORT USER PASSWORD DATABASE < requests
# Each request line is JSON: {"sql": "...", "args": [...]}  (args use PyMySQL's %s placeholders)
import json
import sys

import pymysql


def value(v):
    if v is None:
        return None
    if isinstance(v, (bytes, bytearray)):
        return "bytes:" + v.hex()
    return type(v).__name__ + ":" + str(v)


def main():
    host, port, user, password, database = sys.argv[1:6]
    conn = pymysql.connect(host=host, port=int(port), user=user, password=password, database=database, charset="utf8mb4")
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            request = json.loads(line)
            try:
                with conn.cursor() as cur:
                    cur.execute(request["sql"], request.get("args") or None)
                    columns = [{"name": d[0], "type": d[1], "null_ok": d[6]} for d in (cur.description or [])]
                    rows = [[value(v) for v in row] for row in cur.fetchall()]
                print(json.dumps({"columns": columns, "rows": rows}), flush=True)
            except pymysql.MySQLError as e:
                print(json.dumps({"error": {"code": e.args[0], "message": str(e.args[1]) if len(e.args) > 1 else ""}}), flush=True)
    finally:
        conn.close()


main()
