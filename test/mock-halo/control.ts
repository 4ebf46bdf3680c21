/**
 * `/__mock/*`: the test hooks over HTTP, for tests that drive a separate process (e.g. n8n).
 * Logged as kind 'control'; no faults apply.
 */
import type { MockResponse } from './http';
import { MockStore } from './store';
import type { ApplicationConfig, FaultConfig, MockHalo } from './types';

export type ControlTarget = Pick<
	MockHalo,
	'log' | 'clearLog' | 'configure' | 'faults' | 'reset' | 'expireAllTokens' | 'db' | 'setAuthInfo' | 'setAgentPermissions' | 'addApplication' | 'schemaViolations'
>;

export function handleControl(method: string, subPath: string, body: unknown, mock: ControlTarget): MockResponse {
	const route = `${method} ${subPath.toLowerCase()}`;
	const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
	switch (route) {
		case 'GET log':
			return { status: 200, body: mock.log };
		case 'DELETE log':
			mock.clearLog();
			return { status: 200, body: { cleared: true } };
		case 'GET config':
			return { status: 200, body: mock.faults() };
		case 'POST config':
			mock.configure(fields as FaultConfig);
			return { status: 200, body: mock.faults() };
		case 'POST reset':
			mock.reset();
			return { status: 200, body: { reset: true } };
		case 'POST expire-tokens':
			mock.expireAllTokens();
			return { status: 200, body: { expired: true } };
		case 'POST authinfo':
			// Accepts { authUrl, tenant } or the response's own names { auth_url, tenant_id }.
			mock.setAuthInfo({
				authUrl: optionalText(fields.authUrl ?? fields.auth_url),
				tenant: optionalText(fields.tenant ?? fields.tenant_id),
			});
			return { status: 200, body: { updated: true } };
		case 'POST agent-permissions':
			mock.setAgentPermissions(Number(fields.agentId), Array.isArray(fields.denied) ? fields.denied.map(String) : []);
			return { status: 200, body: { updated: true } };
		case 'POST applications':
			mock.addApplication(fields as unknown as ApplicationConfig);
			return { status: 200, body: { added: fields.clientId } };
		case 'GET schema-violations':
			return { status: 200, body: mock.schemaViolations };
	}
	const collection = /^db\/(\w+)$/i.exec(subPath)?.[1];
	if (method === 'GET' && collection) {
		const name = MockStore.isCollectionName(collection) ? collection : undefined;
		return name ? { status: 200, body: mock.db.records(name) } : { status: 404, body: `Unknown collection '${collection}'` };
	}
	return { status: 404, body: `Unknown control endpoint ${method} /__mock/${subPath}` };
}

function optionalText(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}
