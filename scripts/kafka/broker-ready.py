#!/usr/bin/env python3
"""Exit 0 if the Kafka broker at HOST:PORT answers a Metadata request listing itself.

    broker-ready.py HOST PORT [TIMEOUT_SECONDS]

Why not kafka-topics --list: a JVM tool costs 3-4 s per probe, this costs milliseconds and needs
only the standard library. Why this proves readiness: a KRaft broker opens its client listener
only once it has caught up with the metadata log, and Metadata responses list only registered,
unfenced brokers, so seeing itself in the broker list means it can serve requests.

Metadata v4 is used because it is the oldest version both Kafka 3.9 and Kafka 4.x accept
(4.0 removed v0-v3, KIP-896) and the newest that is not yet "flexible" (tagged fields, v9+).
"""
import socket
import struct
import sys


def read_exact(sock, n):
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("connection closed by broker")
        buf += chunk
    return buf


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    timeout = float(sys.argv[3]) if len(sys.argv) > 3 else 3.0
    client_id = b"instaquery-ready"
    # Request header v1: api_key=3 (Metadata), api_version=4, correlation_id, client_id.
    # Body v4: topics=null (-1, all topics), allow_auto_topic_creation=false.
    body = struct.pack(">hhih", 3, 4, 42, len(client_id)) + client_id + struct.pack(">ib", -1, 0)
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.settimeout(timeout)
        sock.sendall(struct.pack(">i", len(body)) + body)
        (size,) = struct.unpack(">i", read_exact(sock, 4))
        resp = read_exact(sock, size)
    # Response: correlation_id, throttle_time_ms, brokers[node_id, host, port, rack].
    correlation_id, _throttle, n_brokers = struct.unpack_from(">iii", resp, 0)
    if correlation_id != 42:
        raise ValueError(f"unexpected correlation id {correlation_id}")
    off = 12
    brokers = []
    for _ in range(n_brokers):
        (node_id,) = struct.unpack_from(">i", resp, off)
        (hlen,) = struct.unpack_from(">h", resp, off + 4)
        bhost = resp[off + 6 : off + 6 + hlen].decode()
        off += 6 + hlen
        (bport, rlen) = struct.unpack_from(">ih", resp, off)
        off += 6 + max(rlen, 0)
        brokers.append((node_id, bhost, bport))
    if not any(b[2] == port for b in brokers):
        print(f"broker {host}:{port} is up but not yet in its own metadata: {brokers}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, ValueError, struct.error) as e:
        print(f"broker {sys.argv[1]}:{sys.argv[2]} not ready: {e}", file=sys.stderr)
        sys.exit(1)
