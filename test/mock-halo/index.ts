/** A fake HaloPSA instance over real HTTP on 127.0.0.1, for integration and end-to-end tests. */
export {
	CLOSED_STATUS_ID,
	DEMO_API_AGENT_ID,
	DEMO_CLIENT_ID,
	DEMO_CLIENT_SECRET,
	DEMO_TENANT,
	KNOWN_SCOPES,
	RATE_LIMIT_MESSAGE,
	STANDARD_SCOPES,
	STATUS_TYPE,
} from './constants';
export { endpointOf, requestsByEndpoint } from './requestCounts';
export { DEFAULT_OPENAPI_PATH, startMockHalo } from './server';
export { MockStore } from './store';
export type * from './store';
export type {
	ApplicationConfig,
	AuthInfo,
	AuthInfoSettings,
	FaultConfig,
	LoggedRequest,
	MockHalo,
	MockHaloOptions,
	RequestKind,
	SchemaCheckStatus,
	SchemaViolation,
} from './types';
