// Public surface of `instaquery verify`.
export { verifyTable, defaultVerifyOptions, type TableReport, type ChunkDifference, type VerifyOptions } from './table-verifier.ts';
