/**
 * The client secret and the access tokens never appear in what a run leaves behind: node output,
 * errors (message, description, saved execution data) or the node's own description.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { HaloPsaApi } from '../../credentials/HaloPsaApi.credentials';
import { HaloPsa } from '../../nodes/HaloPsa/HaloPsa.node';
import { type RunResult } from '../harness/n8n-harness';
import { DEMO_CLIENT_SECRET, type MockHalo } from '../mock-halo';
import { useFakeHalo } from './fakeHalo';

const fake = useFakeHalo({ retries: { rateLimitBaseDelayMs: 5, rateLimitMaxTotalWaitMs: 20, transientBaseDelayMs: 1 } });
let halo: MockHalo;
beforeAll(() => {
	halo = fake.halo;
});

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

/** Everything a run leaves: n8n's saved run data (output and errors), as n8n would store it. */
function leftBehind(result: RunResult): string {
	const error = result.error as (Error & IDataObject) | undefined;
	return [
		JSON.stringify(result.run),
		JSON.stringify(result.json),
		error ? `${error.message} ${String(error.description ?? '')} ${JSON.stringify(error)} ${error.stack ?? ''}` : '',
	].join('\n');
}

it('no secret or token in output, errors or saved run data, whatever goes wrong', async () => {
	const n8n = fake.n8n();
	const tokens = new Set<string>();
	const remember = () => {
		if (n8n.store.data.accessToken) tokens.add(String(n8n.store.data.accessToken));
	};
	const runs: RunResult[] = [];
	const run = async (parameters: INodeParameters, items?: IDataObject[]) => {
		runs.push(await n8n.run({ parameters, items, continueOnFail: false }));
		remember();
		runs.push(await n8n.run({ parameters, items, continueOnFail: true }));
		remember();
	};

	await run({ resource: 'ticket', operation: 'get', ticketId: rl('1003') });
	await run({ resource: 'ticket', operation: 'get', ticketId: rl('999999') }); // 404
	await run({ resource: 'ticket', operation: 'create', summary: 'x', ticketTypeId: 1, clientId: rl('2'), additionalFields: { team: 'Nope' } }); // 400
	await run({ resource: 'client', operation: 'create', name: 'x' }); // 403: no edit:customers
	halo.expireAllTokens();
	await run({ resource: 'ticket', operation: 'get', ticketId: rl('1003') }); // 401, renewed
	halo.configure({ force429: 50 });
	await run({ resource: 'ticket', operation: 'get', ticketId: rl('1003') }); // 429 until the wait budget ends
	halo.resetFaults();
	halo.configure({ dropBeforeRate: 1 });
	await run({ resource: 'ticket', operation: 'get', ticketId: rl('1003') }); // no answer
	halo.resetFaults();
	await run({ resource: 'alert', operation: 'raiseTicket', ticketTypeId: 21 }, [{ id: 'S-1', customer: 'Contoso Ltd', secret: 'not ours' }]);

	const wrongSecret = fake.n8n({ clientSecret: 'wrong-but-secret-value' });
	runs.push(await wrongSecret.run({ parameters: { resource: 'ticket', operation: 'get', ticketId: rl('1003') } }));

	expect(tokens.size).toBeGreaterThanOrEqual(2);
	const everything = runs.map(leftBehind).join('\n');
	expect(runs.filter((r) => r.error).length).toBeGreaterThanOrEqual(6);
	expect(everything).not.toContain(DEMO_CLIENT_SECRET);
	expect(everything).not.toContain('wrong-but-secret-value');
	for (const token of tokens) expect(everything).not.toContain(token);
	expect(everything).not.toMatch(/Bearer\s+[A-Za-z0-9._~+/=-]{8,}/);
});

it('the node and credential descriptions carry no secret, and the secret field is a password field', () => {
	const credential = new HaloPsaApi();
	const secret = credential.properties.find((property) => property.name === 'clientSecret');
	expect(secret?.typeOptions?.password).toBe(true);
	const token = credential.properties.find((property) => property.name === 'accessToken');
	expect(token?.type).toBe('hidden');
	const descriptions = JSON.stringify(new HaloPsa().description) + JSON.stringify(credential);
	expect(descriptions).not.toContain(DEMO_CLIENT_SECRET);
});
