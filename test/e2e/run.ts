/**
 * The end-to-end suite: this package installed from its tarball into a real n8n, run through the
 * CLI, the REST and public APIs, webhooks and the editor in a browser, against the fake HaloPSA.
 *
 *   npm run test:e2e                      latest n8n (LATEST_N8N)
 *   npm run test:e2e:compat               oldest supported n8n (OLDEST_N8N)
 *   npm run test:e2e -- --n8n 2.20.0      any version (`latest` and `oldest` work too)
 *   ... -- --skip-editor                  without the browser part
 */
import { after, before, describe } from 'node:test';

import { coverageCases } from './cases/coverage';
import { credentialTestCases } from './cases/credential-test';
import { editorCases } from './cases/editor';
import { manualExampleCases, webhookExampleCases } from './cases/examples';
import { resourceReadCases } from './cases/resource-reads';
import { secretCases } from './cases/secrets';
import { ticketLifecycleCases } from './cases/ticket-lifecycle';
import { cliTokenCases, serverTokenCases } from './cases/tokens';
import { triggerCases } from './cases/triggers';
import { webhookAlertCases } from './cases/webhook-alert';
import { E2eSession } from './environment';
import { n8nVersionOption } from './options';

const n8nVersion = n8nVersionOption();
const withEditor = !process.argv.includes('--skip-editor');
const session = new E2eSession(n8nVersion);

// A first run installs n8n (minutes); everything after that takes seconds to a minute.
const SETUP_TIMEOUT_MS = 40 * 60_000;
const STEP_TIMEOUT_MS = 5 * 60_000;

describe(`n8n-nodes-halopsa in n8n ${n8nVersion}`, { timeout: SETUP_TIMEOUT_MS + 30 * 60_000 }, () => {
	before(() => session.setUp(), { timeout: SETUP_TIMEOUT_MS });
	after(() => session.tearDown(), { timeout: STEP_TIMEOUT_MS });

	describe('through the CLI (n8n execute)', { timeout: 4 * STEP_TIMEOUT_MS }, () => {
		describe('ticket lifecycle', () => ticketLifecycleCases(session));
		describe('resource reads', () => resourceReadCases(session));
		describe('examples', () => manualExampleCases(session));
		describe('tokens', () => cliTokenCases(session));
	});

	describe('in a running n8n', { timeout: 6 * STEP_TIMEOUT_MS }, () => {
		before(() => session.startServer(), { timeout: STEP_TIMEOUT_MS });
		describe('credential test', () => credentialTestCases(session));
		describe('webhook alert', () => webhookAlertCases(session));
		describe('examples', () => webhookExampleCases(session));
		describe('tokens', () => serverTokenCases(session));
		describe('triggers', () => triggerCases(session));
		if (withEditor) describe('editor', () => editorCases(session));
		describe('secrets', () => secretCases(session));
	});

	describe('coverage', () => coverageCases());
});
