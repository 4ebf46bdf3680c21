/**
 * Token behaviour in real n8n: the token is stored in the credential and shared by executions and
 * n8n processes; when HaloPSA expires it, the next execution fetches one new token and succeeds.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';

import { alertToTicketWorkflow, createCredential, deployWorkflow, postAlert, sampleAlert } from '../alert-webhook';
import { serverOf, TOKEN_TEST_APPLICATION, type E2eSession } from '../environment';

const WEBHOOK_PATH = 'halopsa-token-test';
const EXECUTIONS_IN_A_ROW = 3;

/** Run after the CLI cases: every `n8n execute` so far is a separate n8n process. */
export function cliTokenCases(session: E2eSession): void {
	it('n8n execute runs in separate processes shared one token request', async () => {
		const tokens = await session.env.fake.tokenRequests();
		assert.equal(tokens.length, 1, `token requests: ${JSON.stringify(tokens.map((entry) => entry.status))}`);
		assert.equal(tokens[0].status, 200);
	});
}

/** The statuses of the token requests of TOKEN_TEST_APPLICATION after `mark`. */
async function tokenRequestsOfTheTestApplication(session: E2eSession, mark: number): Promise<Array<number | string>> {
	const requests = await session.env.fake.tokenRequests(mark);
	return requests.filter((entry) => entry.clientId === TOKEN_TEST_APPLICATION.clientId).map((entry) => entry.status);
}

export function serverTokenCases(session: E2eSession): void {
	before(async () => {
		const { api } = serverOf(session.env);
		// An application and credential of their own: no token yet, and none shared with other cases.
		await session.env.fake.addApplication(TOKEN_TEST_APPLICATION);
		const credential = await createCredential(api, 'HaloPSA (fake, token test)', session.env.haloUrl, TOKEN_TEST_APPLICATION);
		await deployWorkflow(api, alertToTicketWorkflow(WEBHOOK_PATH, credential));
	});

	it(`${EXECUTIONS_IN_A_ROW} executions in a row cost one token request`, async () => {
		const { server } = serverOf(session.env);
		const mark = await session.env.fake.mark();
		for (let run = 1; run <= EXECUTIONS_IN_A_ROW; run++) {
			const answer = await postAlert(server.url, WEBHOOK_PATH, sampleAlert(`E2E: token run ${run}`));
			assert.ok(Number(answer.id) > 0, `execution ${run} created no ticket: ${JSON.stringify(answer)}`);
		}
		const tokens = await tokenRequestsOfTheTestApplication(session, mark);
		assert.deepEqual(tokens, [200], 'expected exactly one token request');
	});

	it('after HaloPSA expires the token, the next execution gets a new one and succeeds', async () => {
		const { server } = serverOf(session.env);
		const { fake } = session.env;
		await fake.expireTokens();
		const mark = await fake.mark();
		const answer = await postAlert(server.url, WEBHOOK_PATH, sampleAlert('E2E: after token expiry'));
		assert.ok(Number(answer.id) > 0, `no ticket after the token expired: ${JSON.stringify(answer)}`);
		assert.deepEqual(await tokenRequestsOfTheTestApplication(session, mark), [200], 'expected exactly one new token');
		const refused = (await fake.apiRequests(mark)).filter((entry) => entry.status === 401 && entry.clientId === TOKEN_TEST_APPLICATION.clientId);
		assert.equal(refused.length, 1, 'expected one request refused with the expired token, then the retry');
	});
}
