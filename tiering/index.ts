// Public surface of tiering: the job that moves old range partitions to Parquet and back.
export { Tiering, type TieringSettings, type StepHook } from './tiering.ts';
export { MANIFEST_FILE } from './manifest.ts';
