// node-sql-parser writes a function call's name as parts ({name: {name: [{value}]}}); several
// passes need to know whether a node is a call of one unqualified function, and which.

/** The upper-case name of an unqualified function call node; undefined for any other node. */
export function callName(node: unknown): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const n = node as { type?: unknown; name?: { name?: { value: unknown }[] } };
  const parts = n.type === 'function' ? n.name?.name : undefined;
  return parts?.length === 1 ? String(parts[0]!.value).toUpperCase() : undefined;
}
