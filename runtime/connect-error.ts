// The error the worker and the REST routes throw for an answer other than 200.

/** Thrown for REST answers other than 200: Kafka Connect's {error_code, message}. */
export class ConnectError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
