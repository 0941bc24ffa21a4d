"""Writes a topic exactly as Debezium's MySQL connector with Confluent's AvroConverter would —
Debezium's Envelope/Value/Key/Source schemas and Connect semantic types, none of instaquery's
own parameters — using Confluent's AvroSerializer with the schema registry. The scenario for
table DB.TABLE (id BIGINT PK, name VARCHAR, price DECIMAL(12,2), created_at DATETIME(3),
day DATE, kind ENUM('open','closed'), qty SMALLINT, updated_at TIMESTAMP):
  snapshot reads of ids 1, 2, 3; insert of 4; update of 2; delete of 3 followed by a tombstone.

usage: produce_debezium.py BOOTSTRAP REGISTRY_URL TOPIC_PREFIX DB TABLE"""
import json
import sys
from decimal import Decimal

from confluent_kafka import Producer
from confluent_kafka.admin import AdminClient, NewTopic
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroSerializer
from confluent_kafka.serialization import MessageField, SerializationContext

bootstrap, registry_url, prefix, db, table = sys.argv[1:6]
topic = f"{prefix}.{db}.{table}"
ns = topic


def optional(t):
    return {"type": ["null", t], "default": None}


value_record = {
    "type": "record", "name": "Value", "namespace": ns, "connect.name": f"{ns}.Value",
    "fields": [
        {"name": "id", "type": "long"},
        {"name": "name", "type": "string"},
        {"name": "price", **optional({"type": "bytes", "scale": 2, "precision": 12, "connect.version": 1,
                                      "connect.parameters": {"scale": "2", "connect.decimal.precision": "12"},
                                      "connect.name": "org.apache.kafka.connect.data.Decimal", "logicalType": "decimal"})},
        {"name": "created_at", **optional({"type": "long", "connect.version": 1, "connect.name": "io.debezium.time.Timestamp"})},
        {"name": "day", **optional({"type": "int", "connect.version": 1, "connect.name": "io.debezium.time.Date"})},
        {"name": "kind", **optional({"type": "string", "connect.version": 1, "connect.parameters": {"allowed": "open,closed"},
                                     "connect.name": "io.debezium.data.Enum"})},
        {"name": "qty", **optional({"type": "int", "connect.type": "int16"})},
        {"name": "updated_at", **optional({"type": "string", "connect.version": 1, "connect.name": "io.debezium.time.ZonedTimestamp"})},
    ],
}
source_record = {
    "type": "record", "name": "Source", "namespace": "io.debezium.connector.mysql", "connect.name": "io.debezium.connector.mysql.Source",
    "fields": [
        {"name": "version", "type": "string"},
        {"name": "connector", "type": "string"},
        {"name": "name", "type": "string"},
        {"name": "ts_ms", "type": "long"},
        {"name": "snapshot", "type": [{"type": "string", "connect.version": 1, "connect.parameters": {"allowed": "true,last,false,incremental"},
                                       "connect.default": "false", "connect.name": "io.debezium.data.Enum"}, "null"], "default": "false"},
        {"name": "db", "type": "string"},
        {"name": "sequence", **optional("string")},
        {"name": "table", **optional("string")},
        {"name": "server_id", "type": "long"},
        {"name": "gtid", **optional("string")},
        {"name": "file", "type": "string"},
        {"name": "pos", "type": "long"},
        {"name": "row", "type": "int"},
        {"name": "thread", **optional("long")},
        {"name": "query", **optional("string")},
    ],
}
envelope = {
    "type": "record", "name": "Envelope", "namespace": ns, "connect.version": 1, "connect.name": f"{ns}.Envelope",
    "fields": [
        {"name": "before", **optional(value_record)},
        {"name": "after", **optional("Value")},
        {"name": "source", "type": source_record},
        {"name": "op", "type": "string"},
        {"name": "ts_ms", **optional("long")},
        {"name": "transaction", **optional({"type": "record", "name": "block", "namespace": "event", "connect.version": 1, "connect.name": "event.block",
                                            "fields": [{"name": "id", "type": "string"}, {"name": "total_order", "type": "long"},
                                                       {"name": "data_collection_order", "type": "long"}]})},
    ],
}
key_record = {"type": "record", "name": "Key", "namespace": ns, "connect.name": f"{ns}.Key", "fields": [{"name": "id", "type": "long"}]}

DAY_MS = 86_400_000
rows = {
    1: {"id": 1, "name": "first", "price": Decimal("12.50"), "created_at": 19724 * DAY_MS + 11045678, "day": 19724, "kind": "open", "qty": 3, "updated_at": "2024-01-02T03:04:05Z"},
    2: {"id": 2, "name": "second", "price": Decimal("-0.01"), "created_at": 0, "day": 0, "kind": "closed", "qty": -32768, "updated_at": None},
    3: {"id": 3, "name": "third", "price": None, "created_at": None, "day": None, "kind": None, "qty": None, "updated_at": None},
}
inserted = {"id": 4, "name": "fourth", "price": Decimal("9999999999.99"), "created_at": -DAY_MS, "day": -1, "kind": "open", "qty": 32767, "updated_at": "2030-12-31T23:59:59.5Z"}
updated = {**rows[2], "price": Decimal("7.25"), "kind": "open", "name": "second, updated"}

registry = SchemaRegistryClient({"url": registry_url})
value_serializer = AvroSerializer(registry, json.dumps(envelope))
key_serializer = AvroSerializer(registry, json.dumps(key_record))
admin = AdminClient({"bootstrap.servers": bootstrap})
for f in admin.create_topics([NewTopic(topic, num_partitions=2, replication_factor=1)]).values():
    f.result()
producer = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True})
position = [1000]


def send(op, before, after, snapshot="false", tombstone_id=None):
    key_id = (after or before)["id"] if tombstone_id is None else tombstone_id
    key = key_serializer({"id": key_id}, SerializationContext(topic, MessageField.KEY))
    if tombstone_id is not None:
        producer.produce(topic, key=key, value=None)
        return
    position[0] += 100
    value = {
        "before": before, "after": after, "op": op, "ts_ms": 1_700_000_000_000 + position[0], "transaction": None,
        "source": {"version": "2.7.3.Final", "connector": "mysql", "name": prefix, "ts_ms": 1_700_000_000_000 + position[0],
                   "snapshot": snapshot, "db": db, "sequence": None, "table": table, "server_id": 1, "gtid": None,
                   "file": "mysql-bin.000003", "pos": position[0], "row": 0, "thread": None, "query": None},
    }
    producer.produce(topic, key=key, value=value_serializer(value, SerializationContext(topic, MessageField.VALUE)))


send("r", None, rows[1], "true")
send("r", None, rows[2], "true")
send("r", None, rows[3], "last")
send("c", None, inserted)
send("u", rows[2], updated)
send("d", rows[3], None)
send(None, None, None, tombstone_id=3)
if producer.flush(30) != 0:
    raise SystemExit(f"produce_debezium.py: messages to {topic} not delivered within 30s")
print(json.dumps({"topic": topic, "messages": 7}))
