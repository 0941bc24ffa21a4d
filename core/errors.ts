// An error a user can act on: it names what is wrong and says how to fix it. The CLI prints
// `message` (and `fix`) and exits with `exitCode`, never a stack trace.
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly fix?: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }

  describe(): string {
    return this.fix ? `${this.message}\n  fix: ${this.fix}` : this.message;
  }
}

export class ConfigError extends UserFacingError {
  constructor(
    readonly problems: string[],
    source: string,
  ) {
    super(`invalid configuration in ${source}:\n  - ${problems.join('\n  - ')}`, undefined, 2);
    this.name = 'ConfigError';
  }
}
