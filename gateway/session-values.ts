// What a session's own functions and variables answer when the dialect asks (FOUND_ROWS(),
// CURRENT_USER(), @@GLOBAL.x, a source time-zone name): a session fact, written into the SQL as a literal.
import { SqlError } from './sql-errors.ts';
import { isSystemVariable, systemVariables, type ServerProfile } from './system-variables.ts';
import { collationName } from './protocol/constants.ts';

export interface SessionFacts {
  foundRows: number;
  user: string;
  /** The client's address without its port. */
  host: string;
  connectionId: number;
  vars: ReadonlyMap<string, string>;
  profile: ServerProfile;
  /** The handshake's character set id (the connection collation when none was set). */
  textCharset: number;
}

/** A system variable, or what a session function answers; undefined when the session cannot say. */
export function sessionValue(name: string, s: SessionFacts): string | undefined {
  switch (name) {
    case 'found_rows()':
      return String(s.foundRows);
    case 'current_user()':
      // The account: users are configured without a host pattern, so '%'.
      return `${s.user}@%`;
    case 'user()':
      return `${s.user}@${s.host}`;
    case 'connection_id()':
      return String(s.connectionId);
    default:
      // CONVERT_TZ's zone names (dialect/convert-tz.ts): the source's own name, '' when it has none.
      if (name.startsWith('time_zone_name(') && name.endsWith(')')) {
        const zone = s.profile.timeZone(name.slice('time_zone_name('.length, -1));
        return zone === undefined ? undefined : (zone ?? '');
      }
      // @@GLOBAL.x: the presented server's value, which a SET SESSION does not change.
      if (name.startsWith('global.')) {
        const global = name.slice('global.'.length);
        if (!isSystemVariable(global, s.profile)) throw new SqlError('UNKNOWN_SYSTEM_VARIABLE', `Unknown system variable '${global}'`);
        return systemVariables(collationName(s.textCharset), s.profile).get(global);
      }
      // A name the presented server's flavor lacks (@@transaction_isolation on MariaDB) is its error.
      if (!isSystemVariable(name, s.profile)) throw new SqlError('UNKNOWN_SYSTEM_VARIABLE', `Unknown system variable '${name}'`);
      return s.vars.get(name);
  }
}
