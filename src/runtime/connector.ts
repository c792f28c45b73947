/**
 * @module defineConnector: a connector from its common parts and one declarative spec per flow
 * (what UCS's `create_all_prerequisites!` and `macro_connector_implementation!` generate).
 */

import type { ZodType } from './zod.cjs';

import type { AmountConverter, AmountType, AmountWireTypes } from './amount.js';
import type { AuthTypeName, ConnectorAuthType } from './auth.js';
import type { Currency } from './currency.js';
import { defaultServerErrorResponse, type ErrorResponse } from './error-response.js';
import { IntegrationError } from './errors.js';
import type { FlowName } from './flows.js';
import type { RouterData } from './router-data.js';
import type { Secret } from './secret.js';

export const CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type CurrencyUnit = 'Major' | 'Minor';
export type TokenPlacement = 'body' | 'header' | 'query';
export type Environment = 'sandbox' | 'production';

/** A header value may be a Secret: it goes on the wire exposed and into events masked. */
export type HeaderValue = string | Secret;
export type HeaderList = ReadonlyArray<readonly [name: string, value: HeaderValue]>;

/** What the gateway sent back, before any parsing. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface FlowContext<F extends FlowName, A extends AmountType = AmountType> {
  readonly routerData: RouterData<F>;
  readonly connector: Connector<A>;
  /** The configured base URL, verbatim (no slash added or removed). */
  readonly baseUrl: string;
  /** Minor units to the connector's wire format; AMOUNT_CONVERSION_FAILED on a bad amount. */
  convertAmount(minorAmount: number, currency: Currency): AmountWireTypes[A];
}

export interface ResponseContext<
  F extends FlowName,
  A extends AmountType = AmountType,
> extends FlowContext<F, A> {
  readonly http: HttpResponse;
}

/** One flow: how to build its request and read its answer. */
export interface FlowSpec<F extends FlowName, A extends AmountType = AmountType, Res = unknown> {
  readonly method: HttpMethod;
  /** Defaults to the connector's content type. */
  readonly contentType?: ContentType;
  url(ctx: FlowContext<F, A>): string;
  /** Defaults to the connector's `buildHeaders`. */
  headers?(ctx: FlowContext<F, A>): HeaderList;
  /** A JSON-like tree; Secrets in it are exposed on the wire and masked in events. */
  body?(ctx: FlowContext<F, A>): unknown;
  readonly responseSchema: ZodType<Res>;
  /**
   * The message of RESPONSE_DESERIALIZATION_FAILED when a 2xx answer does not fit
   * `responseSchema` (default: the first issues found), e.g. a core's own wording.
   */
  readonly unreadableMessage?: string;
  /** Maps a parsed 2xx answer to the next RouterData; throw ConnectorError for unusable answers. */
  handleResponse(response: Res, ctx: ResponseContext<F, A>): RouterData<F>;
  /** Overrides the connector's `buildErrorResponse` for this flow's non-2xx answers. */
  buildErrorResponse?(response: HttpResponse): ErrorResponse;
}

export type ConnectorFlows<A extends AmountType> = {
  readonly [F in FlowName]?: FlowSpec<F, A, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

/** UCS `ValidationTrait`: which preliminary flows the router runs before Authorize. */
export interface ValidationHooks {
  shouldDoSessionToken(): boolean;
  shouldDoOrderCreate(): boolean;
}

/** Where Authorize carries the session token (metadata for tooling and conformance checks). */
export interface SessionTokenUsage {
  readonly placement: TokenPlacement;
  readonly name: string;
}

export interface ConnectorInput<A extends AmountType> {
  /** snake_case, e.g. "new_payment". */
  readonly id: string;
  /** PascalCase, e.g. "NewPayment". */
  readonly name: string;
  readonly currencyUnit: CurrencyUnit;
  readonly baseUrls: { readonly sandbox: string; readonly production: string };
  readonly contentType: ContentType;
  readonly amountConverter: AmountConverter<A>;
  /** Credential types the connector accepts. */
  readonly authTypes: readonly AuthTypeName[];
  readonly sessionToken?: SessionTokenUsage;
  readonly validation: ValidationHooks;
  /** UCS `get_auth_header`. */
  authHeaders(auth: ConnectorAuthType): HeaderList;
  /** Headers of every request unless a flow overrides them; defaults to Content-Type + auth headers. */
  buildHeaders?(ctx: FlowContext<FlowName, A>): HeaderList;
  /** UCS `build_error_response`: non-2xx, non-5xx answers. May throw ConnectorError. */
  buildErrorResponse(response: HttpResponse): ErrorResponse;
  /** UCS `get_5xx_error_response`; defaults to the framework's status-name mapping. */
  buildServerErrorResponse?(response: HttpResponse): ErrorResponse;
  readonly flows: ConnectorFlows<A>;
}

export interface Connector<A extends AmountType = AmountType> extends ConnectorInput<A> {
  buildHeaders(ctx: FlowContext<FlowName, A>): HeaderList;
  buildServerErrorResponse(response: HttpResponse): ErrorResponse;
}

const ID = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

function configError(id: string, message: string): IntegrationError {
  return new IntegrationError('INVALID_CONNECTOR_CONFIG', `${id}: ${message}`, { connector: id });
}

/** Builds a connector, filling the common defaults and refusing inconsistent definitions. */
export function defineConnector<A extends AmountType>(input: ConnectorInput<A>): Connector<A> {
  const { id } = input;
  if (!ID.test(id)) throw configError(id, 'id must be snake_case');
  if (input.flows.Authorize === undefined) throw configError(id, 'an Authorize flow is required');
  if (input.validation.shouldDoSessionToken() && input.flows.CreateSessionToken === undefined) {
    throw configError(id, 'shouldDoSessionToken() is true but there is no CreateSessionToken flow');
  }
  if (input.authTypes.length === 0) throw configError(id, 'authTypes must name at least one type');
  for (const [environment, url] of Object.entries(input.baseUrls)) {
    if (!URL.canParse(url)) throw configError(id, `baseUrls.${environment} is not a URL`);
  }
  const connector: Connector<A> = {
    ...input,
    buildHeaders:
      input.buildHeaders ??
      ((ctx) => [['Content-Type', input.contentType], ...input.authHeaders(ctx.routerData.auth)]),
    buildServerErrorResponse:
      input.buildServerErrorResponse ??
      ((response) => defaultServerErrorResponse(response.status, response.body)),
  };
  return Object.freeze(connector);
}

/**
 * A `defineFlow` bound to one amount converter, so each flow's `convertAmount` returns that
 * converter's wire type and the response type is inferred from the schema:
 * `const defineFlow = flowDefiner(StringMajorUnit); defineFlow('Authorize', {...})`.
 */
export function flowDefiner<A extends AmountType>(_amountConverter: AmountConverter<A>) {
  return <F extends FlowName, Res>(_flow: F, spec: FlowSpec<F, A, Res>): FlowSpec<F, A, Res> =>
    spec;
}

/** The base URL a call goes to: the explicit one verbatim, else the environment's default. */
export function resolveBaseUrl(
  connector: Pick<ConnectorInput<AmountType>, 'baseUrls'>,
  config: { readonly baseUrl?: string; readonly environment?: Environment },
): string {
  return config.baseUrl ?? connector.baseUrls[config.environment ?? 'sandbox'];
}
