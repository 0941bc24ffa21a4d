// Public surface of the dialect layer.
export { translate, classify, DialectError, MYSQL_CATALOG_SCHEMA, MYSQL_CATALOG_VIEWS, type Translation, type StatementKind } from './translate.ts';
export { tokenize, type Token } from './tokenizer.ts';
export { splitStatements } from './split-statements.ts';
