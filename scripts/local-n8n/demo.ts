/**
 * The local demo: n8n (latest) with this package installed from its tarball, the fake HaloPSA with
 * its demo data, a credential for it and the example workflows, and the owner account. Its n8n
 * data lives in the cache, so a second start reuses it. Used by `npm start` and `npm run screenshots`.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

import { buildAndInstall } from './community-package';
import { fakeHaloCredentialData, startFakeHalo, type FakeHalo } from './fake-halo';
import { DEMO_OWNER, N8nApi } from './n8n-api';
import { ensureN8n, LATEST_N8N } from './n8n-install';
import { N8nUserFolder, type N8nServer } from './n8n-instance';
import { cachePath } from './paths';
import { freePort, isPortFree } from './processes';
import { say, step } from './progress';
import { credentialFile, exampleWorkflows, type CredentialRef } from './workflows';

export const DEMO_CREDENTIAL: CredentialRef = { id: 'haloDemoCredential', name: 'HaloPSA (fake demo instance)' };
const PREFERRED_N8N_PORT = 5678;
// A stable address for the fake keeps the imported credential valid from one start to the next.
const PREFERRED_FAKE_PORT = 5680;

export interface Demo {
	n8n: N8nUserFolder;
	server: N8nServer;
	fake: FakeHalo;
	stop(): Promise<void>;
}

async function preferredPort(port: number): Promise<number> {
	return (await isPortFree(port)) ? port : await freePort();
}

/**
 * Imports the credential and workflows unless the same were imported last time (each import is an
 * n8n process of several seconds; skipping them keeps a second start short).
 */
async function importDemoData(n8n: N8nUserFolder, haloUrl: string): Promise<void> {
	const credentials = [credentialFile(DEMO_CREDENTIAL, fakeHaloCredentialData(haloUrl))];
	const workflows = exampleWorkflows(DEMO_CREDENTIAL);
	const fingerprint = createHash('sha256').update(JSON.stringify({ credentials, workflows })).digest('hex');
	const stampFile = path.join(n8n.userFolder, 'imported.sha256');
	if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === fingerprint) {
		say('Credential and example workflows: imported before, unchanged');
		return;
	}
	await step(`Importing the credential and ${workflows.length} example workflow(s)`, async () => {
		await n8n.importCredentials(credentials);
		if (workflows.length > 0) await n8n.importWorkflows(workflows);
	});
	fs.writeFileSync(stampFile, fingerprint);
}

/**
 * Starts the demo. `fresh` starts from an empty n8n user folder of its own (for screenshots that
 * must not show what someone did in the demo before); otherwise the demo's folder is reused.
 */
export async function startDemo(options: { fresh?: boolean } = {}): Promise<Demo> {
	const install = await ensureN8n(LATEST_N8N);
	const userFolder = cachePath(`${options.fresh ? 'fresh-demo' : 'demo'}-n8n-${LATEST_N8N}`);
	if (options.fresh) fs.rmSync(userFolder, { recursive: true, force: true });
	const n8n = new N8nUserFolder(install, userFolder, path.join(userFolder, 'n8n.log'));

	await step('Building the package and installing it into n8n like a community package', () => buildAndInstall(path.join(userFolder, 'tarball'), userFolder));
	const fake = await startFakeHalo(await preferredPort(PREFERRED_FAKE_PORT));
	say(`Fake HaloPSA with demo data at ${fake.url}`);
	try {
		await importDemoData(n8n, fake.url);
		const server = await step(`Starting n8n ${install.version}`, async () => n8n.start(await preferredPort(PREFERRED_N8N_PORT)));
		await new N8nApi(server.url).signInAsOwner(DEMO_OWNER);
		return {
			n8n,
			server,
			fake,
			stop: async () => {
				await server.stop();
				await fake.stop();
			},
		};
	} catch (error) {
		await fake.stop();
		throw error;
	}
}
