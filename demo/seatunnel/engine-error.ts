// Errors the way the engine surfaces them. The REST layers differ only in how
// they print one: Jetty's filter prefixes the short Java class name
// (commons-lang3 ExceptionUtils.getMessage), Hazelcast's v1 handler does not.

export class EngineError extends Error {
  constructor(
    /** Short Java class name, e.g. "IllegalArgumentException". */
    readonly javaClass: string,
    message: string,
    /** IllegalArgumentException and subclasses map to 400, the rest to 500. */
    readonly badRequest: boolean,
  ) {
    super(message);
  }
}

export const illegalArgument = (message: string): EngineError =>
  new EngineError('IllegalArgumentException', message, true);

export const numberFormat = (message: string): EngineError =>
  new EngineError('NumberFormatException', message, true);

export const runtimeFailure = (javaClass: string, message: string): EngineError =>
  new EngineError(javaClass, message, false);
