// Public surface of the dialect layer.
export { translate, classify, DialectError, type Translation, type StatementKind, type TranslateContext } from './translate.ts';
export { DialectUnsupported, MysqlRejection, NotUniqueTable, UnknownColumn } from './dialect-error.ts';
export { IllegalCollationMix } from './collation.ts';
export { informationSchemaColumns } from './information-schema-types.ts';
export { CATALOG_SCHEMAS, catalogViewsOf, MARIADB_CATALOG_SCHEMA, MARIADB_ONLY_VIEWS, MYSQL_CATALOG_SCHEMA, MYSQL_CATALOG_VIEWS, type ServerFlavor } from './catalog-views.ts';
export type { DialectCatalog, CatalogColumn, RelationRead, ResultColumnHint } from './select-context.ts';
export { executableText } from './executable-comments.ts';
export { ansiQuotesAsBackticks } from './ansi-quotes.ts';
export { statementReads, type StatementReads } from './statement-reads.ts';
export type { ExprType, ColumnSource } from './mysql-types.ts';
export { declaredMembers } from './mysql-types.ts';
export { tokenize, type Token } from './tokenizer.ts';
export { splitStatements } from './split-statements.ts';
export { userValueOf, type UserValue } from './user-variables.ts';
export type { SelectAssignments, UserAssignment } from './select-assignments.ts';
