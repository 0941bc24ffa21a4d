// A source name as one directory name. MySQL allows `/`, `\` and dots in database and table names
// (`a/../b` is a valid table), and the cold tier's layout puts them in paths: written as they are,
// such a name would put files outside tiering.target.dir. Such characters are percent-encoded (as
// hive partition values are), so an ordinary name stays the directory name it always was.
export function pathSegment(name: string): string {
  if (name === '.' || name === '..') return name.replace(/\./g, '%2E');
  return name.replace(/[%/\\\0]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
