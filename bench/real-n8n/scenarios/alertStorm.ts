/**
 * The alert storm in real n8n (1,000 alerts about 50 customers, 20 % repeats, through HaloPSA →
 * Alert → Raise Ticket): as one `n8n execute` with all alerts, and as one webhook call per alert
 * in a running n8n (where look-ups are kept between executions). Ours only; the built-in node has
 * no alert operation, so its rows are an estimate (builtInAlertEstimate.ts).
 */
import { chain, haloNode, manualTrigger } from '../../../scripts/local-n8n/workflows';
import { deployWorkflow, postJson, raiseAlertTicketWorkflow } from '../../../test/e2e/alert-webhook';
import { ALERTS, CUSTOMERS, RAISE_TICKET_PARAMETERS, REPEAT_SHARE, seedCustomers, stormAlerts, stormCustomerNames } from '../../alertStorm';
import { itemSource } from '../itemSource';
import { measureCliRun, measureWebhookCalls, type MeasuredRun, type RunSpec } from '../measure';
import type { N8nScenarioFactory } from '../scenario';
import { builtInAlertStormEstimate, type AlertCounts } from './builtInAlertEstimate';

const NODE_NAME = 'Raise ticket';
const TITLE = `Alert storm: ${ALERTS} alerts, ${CUSTOMERS} customers, ${REPEAT_SHARE * 100} % repeats`;
const alerts = stormAlerts(stormCustomerNames(), ALERTS);
const counts: AlertCounts = { alerts: alerts.length, repeats: alerts.length - new Set(alerts.map((alert) => alert.id)).size };

const spec = (variant: string): RunSpec => ({ scenario: TITLE, variant, node: 'ours', items: ALERTS, floor: ALERTS });

function outcomeNote(created: number, updated: number): string {
	return `${created} tickets, ${updated} notes on repeats; floor 1 write per alert`;
}

/** All alerts as the items of one `n8n execute`. */
export const alertStormInOneExecution: N8nScenarioFactory = (env) => {
	const variant = 'one execution, all items';
	const workflowId = env.cliWorkflow(
		chain(`Bench: ${TITLE}, ${variant}`, [
			manualTrigger(),
			...itemSource(alerts, 'Alerts'),
			haloNode(NODE_NAME, env.credential('ours', 'alert storm, one execution'), RAISE_TICKET_PARAMETERS),
		]),
	);
	return {
		title: `${TITLE}, ${variant}`,
		needsServer: false,
		async run(): Promise<MeasuredRun[]> {
			env.resetFake(seedCustomers);
			const { output, ...measured } = await measureCliRun(env, spec(variant), workflowId, NODE_NAME, ALERTS);
			const created = output.filter((item) => item.action === 'created').length;
			const updated = output.filter((item) => item.action === 'updated').length;
			return [{ ...measured, notes: outcomeNote(created, updated) }, builtInAlertStormEstimate(spec(variant), counts, true, env.settings.latencyMs)];
		},
	};
};

/** One webhook call per alert to a running n8n. */
export const alertStormExecutionPerAlert: N8nScenarioFactory = (env) => {
	const variant = 'one execution per alert (webhook)';
	const credential = env.credential('ours', 'alert storm, webhook per alert');
	const webhookPath = 'bench-alert-storm';
	return {
		title: `${TITLE}, ${variant}`,
		needsServer: true,
		async run(): Promise<MeasuredRun[]> {
			const { server, api } = await env.startServer();
			// The same Raise Ticket settings as the e2e suite's alert webhook (and as RAISE_TICKET_PARAMETERS).
			await deployWorkflow(api, raiseAlertTicketWorkflow(webhookPath, credential));
			env.resetFake(seedCustomers);
			let created = 0;
			let updated = 0;
			const measured = await measureWebhookCalls(env, spec(variant), async () => {
				for (const alert of alerts) {
					const answer = await postJson(`${server.url}/webhook/${webhookPath}`, alert);
					if (answer.action === 'created') created++;
					else if (answer.action === 'updated') updated++;
					else throw new Error(`alert ${String(alert.id)} answered ${JSON.stringify(answer).slice(0, 300)}`);
				}
			});
			return [{ ...measured, notes: outcomeNote(created, updated) }, builtInAlertStormEstimate(spec(variant), counts, false, env.settings.latencyMs)];
		},
	};
};
