// The version number a server compares executable comments with (`/*!NNNNN`, `/*M!NNNNNN`):
// major*10000 + minor*100 + patch, e.g. 101119 for MariaDB 10.11.19.
import type { ServerProfile } from './system-variables.ts';

/** The MariaDB version id the gateway presents, or undefined when it presents MySQL. */
export function mariaDbVersionId(profile: ServerProfile): number | undefined {
  if (profile.flavor !== 'mariadb') return undefined;
  const m = /^(?:5\.5\.5-)?(\d+)\.(\d+)\.(\d+)/.exec(profile.handshakeVersion);
  return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : undefined;
}
