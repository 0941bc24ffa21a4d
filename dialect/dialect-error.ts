/** The statement cannot be read; the gateway answers with error 1064. */
export class DialectError extends Error {}
