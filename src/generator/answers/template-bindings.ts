/**
 * @module The names a generated connector's index declares at top level. Its own module so the
 * answer rules can refuse a clashing `name` without loading the renderer (and Handlebars).
 */

/**
 * Names the rendered index file declares at top level besides the connector's value, which
 * shares their scope and so may not be one of them. (The test file imports the value under the
 * alias `connector`, so nothing there can clash with it.) A render test keeps this list equal to
 * what the templates declare.
 */
export const TEMPLATE_BINDINGS: ReadonlySet<string> = new Set([
  ...['defineConnector', 'flowDefiner', 'getSessionToken', 'joinUrl', 'defineFlow'],
  ...['MinorUnit', 'StringMinorUnit', 'StringMajorUnit', 'FloatMajorUnit'],
  ...['SESSION_TOKEN_ENDPOINT', 'AUTHORIZE_ENDPOINT', 'SESSION_TOKEN_NAME'],
  ...['authorizeResponseSchema', 'buildAuthorizeRequest', 'buildErrorResponse'],
  ...['buildSessionTokenRequest', 'handleAuthorizeResponse', 'handleSessionTokenResponse'],
  ...['narrowAuth', 'sessionTokenResponseSchema'],
  ...[
    'fillEndpoint',
    'SYNC_ENDPOINT',
    'CAPTURE_ENDPOINT',
    'VOID_ENDPOINT',
    'paymentResponseSchema',
  ],
  ...['handleSyncResponse', 'buildCaptureRequest', 'handleCaptureResponse', 'buildVoidRequest'],
  ...['handleVoidResponse', 'REFUND_ENDPOINT', 'REFUND_SYNC_ENDPOINT', 'refundResponseSchema'],
  ...['buildRefundRequest', 'handleRefundResponse', 'handleRefundSyncResponse'],
]);
