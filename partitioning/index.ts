// Public surface of partitioning: one spec per table and the functions its readers share.
export { defaultSpec, formatSpec, DEFAULT_BUCKETS, type PartitionSpec, type RangeInterval } from './partition-spec.ts';
export { parseSpec, PartitionSpecError } from './parse-spec.ts';
export { bucketOf } from './bucket.ts';
export { rangePartitionOf } from './range.ts';
export { coldCutoff, isOutsideWindow, parseHotWindow, partitionUpperBound, HotWindowError, type HotWindow } from './hot-window.ts';
