/**
 * What the alert storm would take with n8n's built-in HaloPSA node: it has no customer matching and
 * no de-duplication, so a workflow searches for each alert's ticket (Ticket → Get Many, Text To
 * Filter By = the alert ID, Limit 1) and creates one when none is found. Every node run asks for a
 * token. It cannot add a note to a repeat (no Actions resource), nor set the customer, priority or
 * asset of a ticket (Ticket → Create sets type, summary, details, agent and dates only).
 * Not measured: counted from what the built-in node's code does.
 */
import type { MeasuredRun, RunSpec } from '../measure';

export interface AlertCounts {
	alerts: number;
	/** Alerts whose ID came before (the rest each need a new ticket). */
	repeats: number;
}

/**
 * - One execution with all alerts: the search node runs once for all items, then the create node
 *   once for those not found: 2 tokens. All searches come before any create, so repeats within the
 *   execution are not found and become duplicate tickets.
 * - One execution per alert (a webhook per alert, or Loop Over Items with batch size 1): per alert
 *   one search node run (token + search), per new alert one create node run (token + create).
 */
export function builtInAlertStormEstimate(spec: Omit<RunSpec, 'node'>, counts: AlertCounts, oneExecution: boolean, latencyMs: number): MeasuredRun {
	const newAlerts = counts.alerts - counts.repeats;
	const searches = counts.alerts;
	const creates = oneExecution ? counts.alerts : newAlerts;
	const tokenRequests = oneExecution ? 2 : searches + creates;
	const httpRequests = tokenRequests + searches + creates;
	return {
		...spec,
		node: 'built-in (estimate)',
		httpRequests,
		tokenRequests,
		writes: creates,
		reads: searches,
		requestsPerItem: Number((httpRequests / counts.alerts).toFixed(3)),
		// One request after another: at least the latency of each.
		wallSeconds: Number(((httpRequests * latencyMs) / 1000).toFixed(2)),
		timing: 'estimate',
		schemaViolations: 0,
		notes: oneExecution
			? `${tokenRequests} tokens + ${searches} searches + ${creates} creates; the ${counts.repeats} repeats become duplicate tickets; no notes, no customer`
			: `${counts.alerts} × (token + search) + ${newAlerts} × (token + create); repeats get nothing (no notes), tickets no customer`,
	};
}
