/** The editor in a real browser: one test per step of the editor tour (screenshots in the work folder). */
import { after, before, it } from 'node:test';
import * as path from 'node:path';

import { EDITOR_TOUR, openBrowser, runTourStep, type EditorBrowser, type TourContext } from '../../../scripts/local-n8n/editor-tour';
import { E2E_OWNER, serverOf, type E2eSession } from '../environment';

export function editorCases(session: E2eSession): void {
	let browser: EditorBrowser | undefined;
	let context: TourContext;

	before(async () => {
		browser = await openBrowser();
		context = {
			page: browser.page,
			n8nUrl: serverOf(session.env).server.url,
			owner: E2E_OWNER,
			screenshotFolder: path.join(session.env.workFolder, 'screenshots'),
		};
	});
	after(() => browser?.close());

	// Each step starts where the one before left the page: after a failure the rest cannot run.
	let failed = false;
	for (const step of EDITOR_TOUR) {
		it(`editor: ${step.name}`, async (test) => {
			if (failed) return test.skip('an earlier editor step failed');
			try {
				await runTourStep(step, context);
			} catch (error) {
				failed = true;
				throw error;
			}
		});
	}
}
