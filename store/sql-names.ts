// Quoting for DuckDB identifiers and string literals.
export const quoteIdent = (name: string): string => '"' + name.replace(/"/g, '""') + '"';
export const quoteLiteral = (value: string): string => "'" + value.replace(/'/g, "''") + "'";
export const qualified = (db: string, table: string): string => `${quoteIdent(db)}.${quoteIdent(table)}`;
