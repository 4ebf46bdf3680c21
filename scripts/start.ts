/**
 * `npm start`: try the package without a HaloPSA account. Installs n8n (and a newer Node.js when
 * needed) into the cache, builds and installs this package into a demo n8n, starts the fake
 * HaloPSA with its demo data, imports a credential for it and the example workflows, starts n8n and
 * prints where to log in. Ctrl-C stops everything.
 */
import { DEMO_CREDENTIAL, startDemo } from './local-n8n/demo';
import { DEMO_OWNER } from './local-n8n/n8n-api';
import { stopAllProcesses, stoppingForSignal } from './local-n8n/processes';
import { seconds } from './local-n8n/progress';

async function main(): Promise<void> {
	const started = Date.now();
	const demo = await startDemo();
	const { server, fake, n8n } = demo;
	console.log(
		[
			'',
			`Ready in ${seconds(Date.now() - started)}: n8n ${n8n.install.version} with n8n-nodes-halopsa, against a fake HaloPSA.`,
			'',
			`  Editor:      http://localhost:${server.port}`,
			`  Log in:      ${DEMO_OWNER.email} / ${DEMO_OWNER.password}   (local demo account)`,
			`  Credential:  "${DEMO_CREDENTIAL.name}", ready to use`,
			'  Workflows:   the examples from examples/ (Overview)',
			`  Fake API:    ${fake.url}/api   (what it received: ${fake.url}/__mock/log)`,
			`  n8n log:     ${n8n.logFile}`,
			'',
			'Press Ctrl-C to stop n8n and the fake HaloPSA.',
		].join('\n'),
	);

	const code = await server.process.exited;
	if (stoppingForSignal()) return;
	console.error(`n8n stopped by itself (exit code ${code}); its last output:\n${server.process.output()}`);
	await demo.stop();
	process.exit(1);
}

main().catch(async (error: Error) => {
	if (stoppingForSignal()) return;
	console.error(`\nnpm start failed: ${error.message}`);
	await stopAllProcesses();
	process.exit(1);
});
