package io.sociallistening.registry;

/**
 * A schema-registry call failed. {@link #errorCode()} carries the Confluent error code (e.g. 40401
 * subject not found, 40403 schema not found, 409 incompatible, 42201 invalid schema) or -1 when the
 * failure was not an answer of the registry (network, timeout, an answer that is not the
 * registry's).
 */
public class RegistryException extends RuntimeException {
  /**
   * Confluent's error code of an invalid schema; also a registered schema this client cannot use.
   */
  public static final int INVALID_SCHEMA = 42201;

  private static final long serialVersionUID = 1L;
  private final int errorCode;

  public RegistryException(String message, int errorCode) {
    super(message);
    this.errorCode = errorCode;
  }

  public RegistryException(String message, int errorCode, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  public int errorCode() {
    return errorCode;
  }

  /**
   * Whether the registry answered that the schema or subject does not exist (error codes 40401 to
   * 40499): a record that names such a schema id is at fault. Any other failure (unreachable,
   * failing, rate limiting, refusing the credentials) is the registry's, and the same record may
   * decode later. A bare 404 (no Confluent error code, or error code 404) is an unknown path: a
   * wrong URL or a proxy in the way, not an unknown schema.
   */
  public boolean isNotFound() {
    return errorCode >= 40400 && errorCode <= 40499;
  }

  /**
   * Whether a record naming the schema id asked for is at fault, and no retry can decode it: the
   * registry does not know the id ({@link #isNotFound()}), or the schema it holds under the id is
   * not one this client can read as Avro ({@value #INVALID_SCHEMA}: another schema type, or not a
   * valid Avro schema). Any other failure is the registry's, and the same record may decode later.
   */
  public boolean isRecordAtFault() {
    return isNotFound() || errorCode == INVALID_SCHEMA;
  }
}
