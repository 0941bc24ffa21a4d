// Public surface of the dialect layer.
export { translate, classify, type Translation, type StatementKind } from './translate.ts';
