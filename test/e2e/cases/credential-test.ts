/** The credential's "Test" button in a running n8n (`POST /rest/credentials/test`), right and wrong secret. */
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { DEMO_APPLICATION, fakeHaloCredentialData } from '../../../scripts/local-n8n/fake-halo';
import { HALO_CREDENTIAL_TYPE } from '../../../scripts/local-n8n/workflows';
import { CLI_CREDENTIAL, serverOf, type E2eSession } from '../environment';

interface TestAnswer {
	status: string;
	message: string;
}

async function testCredential(session: E2eSession, clientSecret?: string): Promise<TestAnswer> {
	const { api } = serverOf(session.env);
	return await api.rest<TestAnswer>('POST', '/credentials/test', {
		credentials: {
			...CLI_CREDENTIAL,
			type: HALO_CREDENTIAL_TYPE,
			data: fakeHaloCredentialData(session.env.haloUrl, { ...DEMO_APPLICATION, clientSecret: clientSecret ?? DEMO_APPLICATION.clientSecret }),
		},
	});
}

export function credentialTestCases(session: E2eSession): void {
	it('credential test: the right secret connects', async () => {
		const answer = await testCredential(session);
		assert.deepEqual(answer, { status: 'OK', message: 'Connection successful!' });
	});

	it('credential test: a wrong secret is named as the problem', async () => {
		const mark = await session.env.fake.mark();
		const answer = await testCredential(session, 'not-the-secret');
		assert.equal(answer.status, 'Error');
		assert.match(answer.message, /Client ID or Client Secret \(invalid_client\)/);
		const tokenStatuses = (await session.env.fake.tokenRequests(mark)).map((entry) => entry.status);
		assert.deepEqual(tokenStatuses, [400], 'HaloPSA should have refused exactly one token request');
	});
}
