/**
 * What the runs leave behind holds no secret: no client secret of any application the fake knows,
 * no access token the fake issued, no Authorization header. Scanned: every execution's saved data (public API), n8n's
 * log (debug level) and every file of n8n's user folder (database, settings) except the package.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';

import { serverOf, type E2eSession } from '../environment';

interface ExecutionsPage {
	data: Array<{ id: string; status?: string }>;
	nextCursor?: string | null;
}

const BEARER_HEADER = /Bearer\s+[A-Za-z0-9._~+/=-]{16,}/;

function filesUnder(folder: string, skip: string): string[] {
	return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(folder, entry.name);
		if (full === skip) return [];
		return entry.isDirectory() ? filesUnder(full, skip) : [full];
	});
}

/** Where `needle` occurs in `haystacks` (name → text), for the failure message. */
function foundIn(haystacks: Map<string, string>, needle: string | RegExp): string[] {
	return [...haystacks].filter(([, text]) => (typeof needle === 'string' ? text.includes(needle) : needle.test(text))).map(([name]) => name);
}

export function secretCases(session: E2eSession): void {
	it('no secret or token in executions, logs or n8n data', async () => {
		const { api } = serverOf(session.env);
		const { n8n, tap } = session.env;
		const haystacks = new Map<string, string>();

		let cursor: string | undefined;
		let executions = 0;
		do {
			const page = await api.publicApi<ExecutionsPage>('GET', `/executions?includeData=true&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
			executions += page.data.length;
			haystacks.set(`executions (page ${haystacks.size + 1})`, JSON.stringify(page));
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		assert.ok(executions >= 6, `expected the suite's executions to be saved, found ${executions}`);

		haystacks.set('n8n log', fs.readFileSync(n8n.logFile, 'utf8'));
		const n8nData = path.join(n8n.userFolder, '.n8n');
		for (const file of filesUnder(n8nData, path.join(n8nData, 'nodes'))) {
			haystacks.set(path.relative(n8n.userFolder, file), fs.readFileSync(file).toString('latin1'));
		}

		const tokens = tap.issuedTokens();
		assert.ok(tokens.length >= 3, `expected several issued tokens to look for, got ${tokens.length}`);
		for (const { clientId, clientSecret } of session.env.fake.knownApplications()) {
			assert.deepEqual(foundIn(haystacks, clientSecret), [], `the client secret of ${clientId} was found`);
		}
		tokens.forEach((token, index) => assert.deepEqual(foundIn(haystacks, token), [], `issued token #${index + 1} was found`));
		assert.deepEqual(foundIn(haystacks, BEARER_HEADER), [], 'an Authorization: Bearer value was found');
	});
}
