// Public surface of the dialect layer.
export { translate, classify, DialectError, type Translation, type StatementKind, type TranslateContext } from './translate.ts';
export { DialectUnsupported, NotUniqueTable, UnknownColumn } from './dialect-error.ts';
export { IllegalCollationMix } from './collation.ts';
export { MYSQL_CATALOG_SCHEMA, MYSQL_CATALOG_VIEWS } from './catalog-views.ts';
export type { DialectCatalog, CatalogColumn, RelationRead, ResultColumnHint } from './select-context.ts';
export { executableText } from './executable-comments.ts';
export { ansiQuotesAsBackticks } from './ansi-quotes.ts';
export { statementReads, type StatementReads } from './statement-reads.ts';
export type { ExprType, ColumnSource } from './mysql-types.ts';
export { declaredMembers } from './mysql-types.ts';
export { tokenize, type Token } from './tokenizer.ts';
export { splitStatements } from './split-statements.ts';
