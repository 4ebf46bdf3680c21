/**
 * Receiving one delivery from HaloPSA: Basic authentication first (401 otherwise), then the body's
 * events, those of the chosen names starting the workflow. HaloPSA counts any non-2xx answer as a
 * failed delivery, so a delivery with none of the chosen events is still answered 200.
 */
import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { basicCredentialsProblem, isAuthorized, type BasicCredentials } from './basicAuth';
import { eventsOfDelivery, isChosenEvent, parseEventNames, simplifyWebhookEvent } from './payload';

/** The credential type name; the node description spells it out too (the linter reads it there). */
export const WEBHOOK_AUTH_CREDENTIAL = 'haloPsaWebhookAuthApi';

/** Answers the request itself (n8n sends nothing more) and starts no execution. */
function refuse(context: IWebhookFunctions, status: number, message: string, headers: Record<string, string> = {}): IWebhookResponseData {
	const response = context.getResponseObject();
	response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
	response.end(message);
	return { noWebhookResponse: true };
}

export async function receiveDelivery(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	if (context.getNodeParameter('authentication', 'basicAuth') === 'basicAuth') {
		const expected = await context.getCredentials<BasicCredentials>(WEBHOOK_AUTH_CREDENTIAL);
		if (!isAuthorized(context.getHeaderData().authorization, expected)) {
			return refuse(context, 401, 'Unauthorized: the user name or password HaloPSA sent does not match', {
				'WWW-Authenticate': 'Basic realm="HaloPSA webhook"',
			});
		}
	}
	const events = eventsOfDelivery(context.getBodyData());
	if (!events) return refuse(context, 400, 'Not a HaloPSA webhook delivery: expected a JSON object (content type application/json)');

	const chosen = parseEventNames(String(context.getNodeParameter('events', '')));
	const matching = events.filter((event) => isChosenEvent(event, chosen));
	// No workflowData: n8n answers 200 "Webhook call received" and runs nothing.
	if (matching.length === 0) return {};
	const simplify = context.getNodeParameter('simplify', true) as boolean;
	return { workflowData: [context.helpers.returnJsonArray(matching.map((event) => (simplify ? simplifyWebhookEvent(event) : event)))] };
}

/** The credential test: nothing to call, so it checks the values can work as Basic authentication. */
export async function testWebhookAuth(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const problem = basicCredentialsProblem((credential.data ?? {}) as Partial<BasicCredentials>);
	return problem ? { status: 'Error', message: problem } : { status: 'OK', message: 'Ready: enter the same user name and password in HaloPSA' };
}
