/**
 * Run the fake HaloPSA on its own:
 *   npx ts-node --transpile-only test/mock-halo/cli.ts [--port 5680] [--lenient] [--seed empty]
 * (`--strict` is the default and accepted for clarity.)
 */
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_TENANT, STANDARD_SCOPES, startMockHalo, type MockHaloOptions } from './index';

function parseArguments(args: string[]): MockHaloOptions {
	const options: MockHaloOptions = { strict: true, seed: 'demo' };
	for (let index = 0; index < args.length; index++) {
		const argument = args[index];
		if (argument === '--port') options.port = Number(args[++index]);
		else if (argument === '--strict') options.strict = true;
		else if (argument === '--lenient') options.strict = false;
		else if (argument === '--seed') options.seed = args[++index] === 'empty' ? 'empty' : 'demo';
		else if (argument === '--openapi') options.openApiPath = args[++index];
		else throw new Error(`Unknown argument ${argument}`);
	}
	if (options.port !== undefined && !Number.isInteger(options.port)) throw new Error('--port needs a number');
	return options;
}

async function main(): Promise<void> {
	const options = parseArguments(process.argv.slice(2));
	const mock = await startMockHalo(options);
	// This is a local fake: printing the demo secret is how a developer learns it.
	const lines = [
		`Fake HaloPSA listening on ${mock.url}`,
		`  API:            ${mock.url}/api`,
		`  Token URL:      ${mock.url}/auth/token   (shared auth: ${mock.sharedAuthUrl}/token?tenant=${DEMO_TENANT})`,
		`  Client ID:      ${DEMO_CLIENT_ID}`,
		`  Client secret:  ${DEMO_CLIENT_SECRET}`,
		`  Scopes:         ${STANDARD_SCOPES}`,
		`  Schema check:   ${mock.schemaCheck.enabled ? `on (${options.strict ? 'strict' : 'lenient'})` : `off: ${mock.schemaCheck.reason ?? ''}`}`,
		`  Control:        ${mock.url}/__mock/log, /__mock/config, /__mock/reset, /__mock/expire-tokens, /__mock/db/<collection>`,
	];
	console.log(lines.join('\n'));
	const shutdown = (): void => {
		mock.stop().then(() => process.exit(0), () => process.exit(1));
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
