// Public surface of partitioning: one spec per table and the functions its readers share.
export { defaultSpec, formatSpec, DEFAULT_BUCKETS, type PartitionSpec, type RangeInterval } from './partition-spec.ts';
export { parseSpec, PartitionSpecError } from './parse-spec.ts';
export { bucketOf } from './bucket.ts';
export { rangePartitionOf } from './range.ts';
