// The one structured logger. Library code takes a Logger; only the CLI decides where it writes.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level = 'info'): Logger {
  return pino({ level, base: { service: 'instaquery' }, redact: { paths: ['*.password', '*["database.password"]'], censor: '[redacted]' } });
}

export const silentLogger: Logger = pino({ level: 'silent' });
