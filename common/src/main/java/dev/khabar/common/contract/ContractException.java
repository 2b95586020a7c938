package dev.khabar.common.contract;

/** A record on a topic that does not follow its contract. */
public final class ContractException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ContractException(String message) {
    super(message);
  }

  public ContractException(String message, Throwable cause) {
    super(message, cause);
  }
}
