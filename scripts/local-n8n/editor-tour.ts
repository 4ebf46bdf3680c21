/**
 * The editor in a real browser (Debian's chromium driven by playwright-core): sign in, find
 * HaloPSA in the node picker, add Ticket → Create, open the ticket type and client lists, open the
 * credential. Every step checks what it shows; some save a screenshot. Used by the end-to-end
 * suite (one test per step) and by `npm run screenshots` (for the README).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

import type { Owner } from './n8n-api';
import { PACKAGE_NAME } from './community-package';

/** Debian's chromium; CHROMIUM_PATH points elsewhere. Playwright never downloads a browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

const UI_TIMEOUT_MS = 60_000;

export interface TourContext {
	page: Page;
	n8nUrl: string;
	owner: Owner;
	screenshotFolder: string;
}

export interface TourStep {
	name: string;
	run(context: TourContext): Promise<void>;
}

export interface EditorBrowser {
	page: Page;
	close(): Promise<void>;
}

/** A headless chromium with a fresh profile (removed on close). */
export async function openBrowser(): Promise<EditorBrowser> {
	if (!fs.existsSync(CHROMIUM_PATH)) {
		throw new Error(`No browser at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
	}
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'halopsa-chromium-'));
	let context: BrowserContext;
	try {
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM_PATH,
			args: CHROMIUM_ARGS,
			viewport: { width: 1400, height: 900 },
		});
	} catch (error) {
		fs.rmSync(profile, { recursive: true, force: true });
		throw error;
	}
	context.setDefaultTimeout(UI_TIMEOUT_MS);
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		page,
		close: async () => {
			await context.close();
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}

async function screenshot(context: TourContext, name: string): Promise<void> {
	fs.mkdirSync(context.screenshotFolder, { recursive: true });
	await context.page.screenshot({ path: path.join(context.screenshotFolder, name) });
}

async function texts(page: Page, selector: string): Promise<string[]> {
	return (await page.locator(selector).allTextContents()).map((text) => text.trim());
}

function expectIncludes(list: string[], wanted: string, what: string): void {
	if (!list.includes(wanted)) throw new Error(`${what} does not show '${wanted}'; it shows: ${list.join(', ') || 'nothing'}`);
}

/**
 * Our node in the node picker: its id is `<node type>-<uuid>`. n8n's own HaloPSA node is listed too,
 * under the same name, and so are our trigger nodes, whose types start alike.
 */
const OUR_PICKER_ITEM = `[data-keyboard-nav-id^="${PACKAGE_NAME}.haloPsa-"]`;

export const EDITOR_TOUR: TourStep[] = [
	{
		name: 'signs in as the owner',
		async run({ page, n8nUrl, owner }) {
			await page.goto(`${n8nUrl}/signin`);
			await page.fill('input[name=emailOrLdapLoginId]', owner.email);
			await page.fill('input[name=password]', owner.password);
			await page.click('[data-test-id=form-submit-button]');
			await page.waitForURL(/\/home\//);
		},
	},
	{
		name: 'finds HaloPSA in the node picker, with its icon',
		async run(context) {
			const { page, n8nUrl } = context;
			await page.goto(`${n8nUrl}/workflow/new`);
			await page.click('[data-test-id=canvas-add-button]');
			await page.fill('[data-test-id=node-creator-search-bar]', 'HaloPSA');
			const item = page.locator(OUR_PICKER_ITEM);
			await item.waitFor();
			const icon = item.locator('img').first();
			await icon.waitFor();
			const iconWidth = await icon.evaluate((image: HTMLImageElement) => (image.complete ? image.naturalWidth : 0));
			if (iconWidth === 0) throw new Error(`The node icon did not load (${await icon.getAttribute('src')})`);
			await screenshot(context, 'editor-node-picker.png');
		},
	},
	{
		name: 'adds HaloPSA: Ticket → Create with the credential preselected',
		async run({ page }) {
			await page.locator(OUR_PICKER_ITEM).click();
			// With the package's trigger nodes the panel lists triggers first and folds the actions away.
			const createTicket = page.getByText('Create a ticket', { exact: true }).first();
			const foldedActions = page.getByText(/^Actions \(\d+\)$/).first();
			await createTicket.or(foldedActions).first().waitFor();
			if (!(await createTicket.isVisible())) await foldedActions.click();
			await createTicket.click();
			await page.locator('[data-test-id=ndv]').waitFor();
			const shown = (testId: string) => page.locator(`[data-test-id=${testId}] input`).first().inputValue();
			const [resource, operation] = [await shown('parameter-input-resource'), await shown('parameter-input-operation')];
			if (resource !== 'Ticket' || operation !== 'Create') throw new Error(`The node opened on '${resource}' → '${operation}'`);
			if (!(await shown('node-credentials-select')).includes('HaloPSA')) throw new Error('No HaloPSA credential is selected in the node');
		},
	},
	{
		name: 'loads the ticket types from HaloPSA',
		async run({ page }) {
			await page.locator('[data-test-id=parameter-input-ticketTypeId]').click();
			const option = page.getByRole('option', { name: 'Security Alert', exact: true });
			await option.waitFor();
			await option.click();
		},
	},
	{
		name: "lists HaloPSA's clients in the client picker",
		async run(context) {
			const { page } = context;
			await page.locator('[data-test-id=resource-locator-clientId] [data-test-id=rlc-input]').click();
			await page.locator('[data-test-id=rlc-item]').first().waitFor();
			expectIncludes(await texts(page, '[data-test-id=rlc-item]'), 'Contoso Ltd', 'The client list');
			await screenshot(context, 'editor-client-list.png');
			await page.keyboard.press('Escape');
		},
	},
	{
		name: 'opens the credential, which tests successfully',
		async run(context) {
			const { page } = context;
			await page.locator('[data-test-id=credential-edit-button]').click();
			const dialog = page.locator('[data-test-id=credential-edit-dialog]');
			await dialog.waitFor();
			await dialog.locator('[data-test-id=credentials-config-container-test-success]').waitFor();
			await dialog.locator('[data-test-id=parameter-input-clientId]').waitFor();
			// n8n tests the credential again on opening; let the Retry button settle for the picture.
			await dialog.getByRole('button', { name: 'Retry' }).waitFor({ timeout: 10_000 }).catch(() => undefined);
			await screenshot(context, 'editor-credential.png');
		},
	},
];

/** Runs one step; when it fails, the page is saved as `failed-<step>.png` beside the screenshots. */
export async function runTourStep(step: TourStep, context: TourContext): Promise<void> {
	try {
		await step.run(context);
	} catch (error) {
		const name = `failed-${step.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
		await screenshot(context, name).catch(() => undefined);
		throw error;
	}
}
