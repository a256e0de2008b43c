import { webApi } from '@slack/bolt';

export type SlackErrorCode =
  /** SLACK_BOT_TOKEN or SLACK_APP_TOKEN was rejected (auth.test / apps.connections.open). */
  | 'SLACK_AUTH_FAILED'
  /** Connecting failed for another reason (port in use, Slack unreachable). */
  | 'SLACK_START_FAILED'
  /** chat.postMessage / chat.postEphemeral failed after the client's retries. */
  | 'SLACK_POST_FAILED'
  /** The answer could not be delivered through the command's response_url. */
  | 'SLACK_RESPOND_FAILED'
  /** A payload we built breaks a Slack limit (a bug: the renderer must split). */
  | 'SLACK_PAYLOAD_LIMIT'
  /** The adapter was configured without what it needs. */
  | 'SLACK_CONFIG';

/** Every failure the Slack adapter surfaces; `slackError` is Slack's own code (e.g. `channel_not_found`). */
export class SlackAdapterError extends Error {
  constructor(
    readonly code: SlackErrorCode,
    message: string,
    readonly slackError?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SlackAdapterError';
  }
}

/** Slack's error code for a Web API failure: `invalid_auth`, `ratelimited`, `http_500`, … */
export function slackErrorCode(err: unknown): string {
  if (typeof err !== 'object' || err === null) return String(err);
  const e = err as {
    code?: unknown;
    data?: { error?: unknown };
    statusCode?: unknown;
    original?: { message?: unknown };
    message?: unknown;
  };
  switch (e.code) {
    case webApi.ErrorCode.PlatformError:
      return typeof e.data?.error === 'string' ? e.data.error : 'platform_error';
    case webApi.ErrorCode.RateLimitedError:
      return 'ratelimited';
    case webApi.ErrorCode.HTTPError:
      return `http_${String(e.statusCode)}`;
    case webApi.ErrorCode.RequestError:
      return `request_failed (${String(e.original?.message ?? 'network error')})`;
    default:
      return typeof e.message === 'string' ? e.message : 'unknown_error';
  }
}

const AUTH_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'team_disabled',
  'user_removed_from_team',
  'not_allowed_token_type',
]);

export function isAuthError(err: unknown): boolean {
  return AUTH_ERRORS.has(slackErrorCode(err));
}
