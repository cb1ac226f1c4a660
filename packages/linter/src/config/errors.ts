/**
 * A problem the user caused in a configuration file or value: a bad key, a bad
 * severity, malformed JSON. Its message is one line naming the file, the key and
 * what is allowed, so a CLI can print it as is (exit code 2).
 */
export class ConfigError extends Error {
  /** The config file, as it was named to the user, when known. */
  readonly file: string | undefined;
  /** The offending key path (`rules["statistics/rate-mismatch"]`), when known. */
  readonly key: string | undefined;
  /** The id of the message template (`CONFIG_MESSAGES`), when the message came from one. */
  readonly messageId: string | undefined;
  /** The data the template was filled with, so a caller can render it again in another locale. */
  readonly data: Readonly<Record<string, string | number>> | undefined;

  constructor(
    message: string,
    details: {
      file?: string;
      key?: string;
      cause?: unknown;
      messageId?: string;
      data?: Readonly<Record<string, string | number>>;
    } = {},
  ) {
    super(message, details.cause !== undefined ? { cause: details.cause } : undefined);
    this.name = 'ConfigError';
    this.file = details.file;
    this.key = details.key;
    this.messageId = details.messageId;
    this.data = details.data;
  }
}
