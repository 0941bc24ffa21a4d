// Keeps secrets out of the REST API's free text. Configs already come back with "[hidden]" for
// every secret key (Worker.configOf); what could still carry a password is text made from other
// code's errors — a failed connector's trace, a driver's or a check's message, a validation
// problem — which may quote what it was given. So the API remembers the secret values it has seen
// (request bodies, running connectors' configs, its own credentials; the process holds them
// anyway) and replaces them in the free-text fields of every answer before it is sent.

/** The keys whose values are secrets, and the marker shown instead: the same as Worker.configOf's. */
export const SECRET_KEY = /password|secret|token|sasl\.jaas/i;
export const HIDDEN = '[hidden]';

/** Fields holding prose, not data: only these are rewritten (a query result is never touched). */
const FREE_TEXT = /^(message|trace|errors?|reasons?|warnings|documentation|detail)$/;
/** Shorter values would be replaced inside unrelated words and numbers. */
const MIN_LENGTH = 4;
/** Bounded: a client sending many bodies cannot grow it without end; the oldest go first. */
const MAX_KNOWN = 512;

export class SecretScrubber {
  private readonly known = new Set<string>();

  remember(value: unknown): void {
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const text = String(value);
    if (text.length < MIN_LENGTH || text === HIDDEN) return;
    this.known.delete(text);
    this.known.add(text);
    while (this.known.size > MAX_KNOWN) this.known.delete(this.known.values().next().value!);
  }

  /** Every value under a secret key, at any depth (a config, a request body). */
  rememberSecretsOf(value: unknown, depth = 0): void {
    if (!value || typeof value !== 'object' || depth > 8) return;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (SECRET_KEY.test(k)) this.remember(v);
      else this.rememberSecretsOf(v, depth + 1);
    }
  }

  scrubText(text: string): string {
    let out = text;
    // Longest first, so a secret containing another is replaced whole.
    for (const secret of [...this.known].sort((a, b) => b.length - a.length)) if (out.includes(secret)) out = out.split(secret).join(HIDDEN);
    return out;
  }

  /** A copy of a reply body with the free-text fields scrubbed. */
  scrub<T>(value: T): T {
    if (this.known.size === 0) return value;
    return this.walk(value, false, 0) as T;
  }

  private walk(value: unknown, prose: boolean, depth: number): unknown {
    if (typeof value === 'string') return prose ? this.scrubText(value) : value;
    if (!value || typeof value !== 'object' || depth > 32) return value;
    if (Array.isArray(value)) return value.map((v) => this.walk(v, prose, depth + 1));
    // Dates and other objects with their own JSON form are left as they are.
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.walk(v, prose || FREE_TEXT.test(k), depth + 1)]));
  }
}
