/**
 * `npm run screenshots`: starts the demo (see `npm start`) from a fresh n8n user folder, walks the
 * editor tour in headless chromium, checking every step, and saves the screenshots the README
 * shows into docs/.
 */
import * as path from 'path';

import { startDemo } from './local-n8n/demo';
import { EDITOR_TOUR, openBrowser, runTourStep } from './local-n8n/editor-tour';
import { DEMO_OWNER } from './local-n8n/n8n-api';
import { REPO_ROOT } from './local-n8n/paths';
import { stopAllProcesses } from './local-n8n/processes';
import { say } from './local-n8n/progress';

async function main(): Promise<void> {
	const demo = await startDemo({ fresh: true });
	const browser = await openBrowser();
	const screenshotFolder = path.join(REPO_ROOT, 'docs');
	try {
		const context = { page: browser.page, n8nUrl: demo.server.url, owner: DEMO_OWNER, screenshotFolder };
		for (const step of EDITOR_TOUR) {
			await runTourStep(step, context);
			say(`editor ${step.name}: ok`);
		}
		say(`Screenshots saved in ${screenshotFolder}`);
	} finally {
		await browser.close();
		await demo.stop();
	}
}

main().catch(async (error: Error) => {
	console.error(`\nnpm run screenshots failed: ${error.message}`);
	await stopAllProcesses();
	process.exit(1);
});
