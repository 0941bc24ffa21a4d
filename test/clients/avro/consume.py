"""Reads a topic from the beginning with Confluent's AvroDeserializer and the schema registry,
as any standard Avro consumer would, and prints one JSON line per message:
{"offset", "key", "value", "value_schema_id"}. Decimals, bytes and integers beyond 2^53 are
printed as strings so nothing is rounded on the way to the test.

usage: consume.py BOOTSTRAP REGISTRY_URL TOPIC EXPECTED_COUNT [TIMEOUT_S]"""
import json
import sys
import time
from decimal import Decimal

from confluent_kafka import Consumer, KafkaError
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer
from confluent_kafka.serialization import MessageField, SerializationContext


def plain(v):
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, (bytes, bytearray)):
        return v.hex()
    if isinstance(v, bool) or v is None or isinstance(v, (str, float)):
        return v
    if isinstance(v, int):
        return v if abs(v) <= 2**53 else str(v)
    return str(v)


def main():
    bootstrap, registry_url, topic, expected = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    timeout = float(sys.argv[5]) if len(sys.argv) > 5 else 30
    registry = SchemaRegistryClient({"url": registry_url})
    deserialize = AvroDeserializer(registry)
    consumer = Consumer({
        "bootstrap.servers": bootstrap,
        "group.id": f"avro-reader-{time.time_ns()}",
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
    })
    consumer.subscribe([topic])
    seen = 0
    deadline = time.time() + timeout
    try:
        while seen < expected and time.time() < deadline:
            msg = consumer.poll(1.0)
            if msg is None:
                continue
            if msg.error():
                if msg.error().code() == KafkaError._PARTITION_EOF:
                    continue
                raise SystemExit(f"consume.py: {topic}: {msg.error()}")
            raw = msg.value()
            value = None if raw is None else deserialize(raw, SerializationContext(topic, MessageField.VALUE))
            key = None if msg.key() is None else deserialize(msg.key(), SerializationContext(topic, MessageField.KEY))
            schema_id = None if raw is None else int.from_bytes(raw[1:5], "big")
            print(json.dumps({"offset": msg.offset(), "key": plain(key), "value": plain(value), "value_schema_id": schema_id}), flush=True)
            seen += 1
    finally:
        consumer.close()
    if seen < expected:
        raise SystemExit(f"consume.py: read {seen} of {expected} messages from {topic} within {timeout}s")


main()
