// CONVERT_TZ(dt, from, to) as MariaDB computes it. A zone is an offset ('+05:30', from -12:59 to
// +13:00, the sign required) or a name the source server's time-zone tables hold
// (mysql.time_zone_name, read by the source connector): with no such name MariaDB answers NULL,
// and so does the gateway; names are converted with DuckDB's ICU zones. As MariaDB does, a value
// is converted only while it and its UTC instant lie in TIMESTAMP's range (1970 to 2038-01-19
// 03:14:07 UTC), and is returned unchanged otherwise; a local time a DST change repeats is its
// first instant; one a DST change skips is refused (MariaDB gives the change's instant).
import { DialectUnsupported } from './dialect-error.ts';
import { quoteString, type Emitted } from './emitted.ts';
import { arity, stringLiteralValue } from './function-args.ts';
import { asTimestamp } from './date-args.ts';
import { argumentFsp, truncatedDatetime } from './temporal-values.ts';
import { typeOf } from './mysql-types.ts';

/**
 * How the source names a zone: its canonical name when the source's time-zone tables hold it,
 * null when they do not (CONVERT_TZ is NULL), undefined when the gateway cannot tell.
 */
export type ZoneLookup = (name: string) => string | null | undefined;

export type Zone = { offset: number } | { name: string } | null;

/** An offset as MariaDB's str_to_offset reads it ('+5:30', '-08:00'); undefined when the text is none. */
function offsetSeconds(text: string): number | null | undefined {
  const m = /^([+-])(\d+):(\d*)$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[3] || 0);
  const seconds = (Number(m[2]) * 60 + minutes) * 60 * (m[1] === '-' ? -1 : 1);
  if (m[3] === '' || minutes > 59 || seconds < -13 * 3600 + 1 || seconds > 13 * 3600) return null;
  return seconds;
}

function zoneOf(e: Emitted, lookup: ZoneLookup | undefined): Zone {
  const text = stringLiteralValue(e);
  if (text === undefined) throw new DialectUnsupported('CONVERT_TZ() with a time zone that is not a string literal');
  const offset = offsetSeconds(text);
  if (offset !== undefined) return offset === null ? null : { offset };
  if (/^[+-]/.test(text)) return null;
  const name = text.replace(/ +$/, '');
  // SYSTEM is the source's own zone: served while that is UTC.
  if (name.toUpperCase() === 'SYSTEM') {
    const system = lookup?.('SYSTEM');
    if (system === 'UTC') return { offset: 0 };
    throw new DialectUnsupported("CONVERT_TZ() with the time zone 'SYSTEM' (the source's system zone is not known to be UTC)");
  }
  const canonical = lookup?.(name);
  if (canonical === undefined) throw new DialectUnsupported(`CONVERT_TZ() with the named time zone '${name}' (whether the source's time-zone tables hold it is not known)`);
  return canonical === null ? null : { name: canonical };
}

/** SQL: a TIMESTAMP's epoch microseconds as the instant (TIMESTAMPTZ) it is in UTC. */
const instant = (us: string) => `timezone('UTC', make_timestamp(${us}))`;
/** SQL: the zone's wall clock at an instant given in epoch microseconds, as epoch microseconds. */
const wallClock = (zone: string, us: string) => `epoch_us(timezone(${zone}, ${instant(us)}))`;

/** SQL: a wall-clock time (epoch microseconds, read as UTC) in this zone as its UTC instant. */
export function toUtc(local: string, zone: Exclude<Zone, null>): string {
  if ('offset' in zone) return `(${local} - ${zone.offset * 1_000_000})`;
  const z = quoteString(zone.name);
  // ICU reads a repeated wall-clock time as its later instant; MariaDB takes the earlier one, the
  // offset in effect before the change (read two hours before: no zone changes twice in that).
  const later = `epoch_us(timezone(${z}, make_timestamp(iq_l)))`;
  const earlier = `(iq_l - (${wallClock(z, `${later} - 7200000000`)} - (${later} - 7200000000)))`;
  const body = `CASE WHEN ${wallClock(z, later)} <> iq_l THEN error('instaquery cannot convert a time a DST change skips in ' || ${z} || ' as MariaDB does') WHEN ${earlier} < ${later} AND ${wallClock(z, earlier)} = iq_l THEN ${earlier} ELSE ${later} END`;
  return `list_transform([${local}], lambda iq_l: ${body})[1]`;
}

/** SQL: a UTC instant (epoch microseconds) as the zone's wall-clock time (epoch microseconds). */
export function fromUtc(utc: string, zone: Exclude<Zone, null>): string {
  if ('offset' in zone) return `(${utc} + ${zone.offset * 1_000_000})`;
  return wallClock(quoteString(zone.name), utc);
}

/** The TIMESTAMP range's edges as MariaDB checks them: the local date, then the UTC second. */
const LOCAL_FIRST = `epoch_us(TIMESTAMP '1969-12-31 00:00:00')`;
const LOCAL_END = `epoch_us(TIMESTAMP '2038-01-20 00:00:00')`;

export function convertTz(args: Emitted[], name: string, lookup: ZoneLookup | undefined): Emitted {
  arity(name, args, 3);
  const fsp = argumentFsp(args[0]!);
  const type = typeOf(fsp ? `datetime(${fsp})` : 'datetime', true);
  const from = zoneOf(args[1]!, lookup);
  const to = zoneOf(args[2]!, lookup);
  const ts = asTimestamp(args[0]!);
  if (from === null || to === null) return { sql: 'CAST(NULL AS TIMESTAMP)', type };
  const local = `epoch_us(${ts})`;
  // The UTC instant in whole seconds must be 1 to 2^31 - 1 (0 too is left unchanged).
  const utc = `list_transform([${toUtc('iq_c', from)}], lambda iq_g: CASE WHEN floor(iq_g / 1000000) BETWEEN 1 AND 2147483647 THEN iq_g END)[1]`;
  const converted = `list_transform([${local}], lambda iq_c: CASE WHEN iq_c IS NULL THEN NULL WHEN iq_c < ${LOCAL_FIRST} OR iq_c >= ${LOCAL_END} THEN iq_c ELSE coalesce(${fromUtc(utc, to)}, iq_c) END)[1]`;
  return { sql: truncatedDatetime(`make_timestamp(${converted})`, fsp), type };
}

/**
 * The session's time zone (@@time_zone), which NOW(), UNIX_TIMESTAMP and FROM_UNIXTIME read and
 * write local times in: SYSTEM (the source's system zone, served while that is UTC), an offset,
 * or a name the source holds. Without session variables (the dialect alone) it is UTC.
 */
export function sessionZone(systemVariable: ((name: string) => string | undefined) | undefined): Exclude<Zone, null> {
  const setting = systemVariable?.('time_zone') ?? 'SYSTEM';
  if (setting.toUpperCase() === 'SYSTEM') {
    const system = systemVariable?.('system_time_zone') ?? 'UTC';
    if (system === 'UTC') return { offset: 0 };
    throw new DialectUnsupported(`local times in the source's system time zone '${system}'`);
  }
  const offset = offsetSeconds(setting);
  if (offset !== undefined && offset !== null) return { offset };
  const canonical = systemVariable ? sessionZoneLookup(systemVariable)(setting) : undefined;
  if (!canonical) throw new DialectUnsupported(`local times in the session time zone '${setting}'`);
  return { name: canonical };
}

/** The pseudo-variable the gateway answers with the source's name for a zone ('' when it has none). */
export const zoneNameVariable = (name: string): string => `time_zone_name(${name})`;

/** Zone names as the session's server answers them (systemVariable: the gateway's session values). */
export function sessionZoneLookup(systemVariable: (name: string) => string | undefined): ZoneLookup {
  return (name) => {
    if (name === 'SYSTEM') return systemVariable('system_time_zone');
    const canonical = systemVariable(zoneNameVariable(name));
    return canonical === undefined ? undefined : canonical === '' ? null : canonical;
  };
}
