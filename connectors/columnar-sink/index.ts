// Public surface of the columnar sink and its store.
export { ColumnarStore, STORE_FILE } from './store.ts';
export { mapColumnType } from './type-mapping.ts';
