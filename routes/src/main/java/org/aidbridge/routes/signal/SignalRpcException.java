package org.aidbridge.routes.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * An error answer from the signal-cli daemon, or the connection failing under a request.
 *
 * <p>Codes are signal-cli's: the JSON-RPC ones (-32700 parse error, -32600 invalid request, -32601
 * method not found, -32602 invalid params, also "Specified account does not exist", -32603
 * internal) and its own (-1 user error, -3 I/O error, -4 untrusted identity, -5 rate limit, -6
 * captcha rejected). Two codes are ours: {@link #DISCONNECTED} and {@link #TIMEOUT}.
 */
public final class SignalRpcException extends RuntimeException {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int USER_ERROR = -1;
  public static final int IO_ERROR = -3;
  public static final int UNTRUSTED_IDENTITY = -4;
  public static final int RATE_LIMIT = -5;
  public static final int CAPTCHA_REJECTED = -6;

  /** No connection to the daemon, or it went away before answering. */
  public static final int DISCONNECTED = -40001;

  /** The daemon did not answer in time. */
  public static final int TIMEOUT = -40002;

  private final int code;
  private final transient JsonNode data;

  public SignalRpcException(int code, String message, JsonNode data) {
    super(message);
    this.code = code;
    this.data = data == null ? NullNode.getInstance() : data;
  }

  public SignalRpcException(int code, String message) {
    this(code, message, null);
  }

  public int code() {
    return code;
  }

  /** The error's {@code data}: signal-cli puts a partial result in {@code data.response}. */
  public JsonNode data() {
    return data;
  }

  /** Whether the daemon could not be reached or did not answer: the request may be retried. */
  public boolean isConnectionProblem() {
    return code == DISCONNECTED || code == TIMEOUT;
  }

  @Override
  public String toString() {
    return "SignalRpcException(" + code + ", " + getMessage() + ")";
  }
}
