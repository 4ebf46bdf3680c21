import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveCustomer } from '../../alert/customer';
import { AlertTickets } from '../../alert/openTickets';
import { renderAlertHtml } from '../../alert/render';
import { findActionContaining, postAction, privateNoteField } from '../../shared/actions';
import { closedStatusId } from '../../shared/lookups';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { readCollection } from '../../shared/parameters';
import { ticketUrl } from '../../shared/records';
import {
	alertDataField,
	alertIdentityFields,
	alertLink,
	detectedAt,
	readAlertData,
	readAlertIdentity,
	alertCache,
	cacheSecondsField,
	readAlertIdStorage,
} from './fields';

const properties: INodeProperties[] = [
	...alertIdentityFields,
	{
		displayName: 'Resolution',
		name: 'resolution',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '={{ $json.resolution ?? $json.remediation ?? "" }}',
		description: 'What resolved the alert; shown above the alert details in the note',
	},
	alertDataField,
	{
		displayName: 'Close the Ticket',
		name: 'closeTicket',
		type: 'boolean',
		default: true,
		description: 'Whether to close the ticket with the note, or only add the note',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Closed Status Name or ID',
				name: 'closedStatusId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getClosedStatuses' },
				default: 0,
				description:
					'Automatic uses HaloPSA\'s closed status. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			privateNoteField,
			cacheSecondsField,
		],
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const identity = readAlertIdentity(this, itemIndex);
	const resolution = String(this.getNodeParameter('resolution', itemIndex, '') ?? '');
	const close = this.getNodeParameter('closeTicket', itemIndex, true) as boolean;
	const options = readCollection(this, 'options', itemIndex);
	const data = readAlertData(this, itemIndex);
	const cache = alertCache(this, run, itemIndex);
	const customer = await resolveCustomer(this, cache, identity, itemIndex);
	const statusId = close ? await closedStatusId(this, run, options.closedStatusId, itemIndex) : undefined;
	const tickets = new AlertTickets(this, cache, await readAlertIdStorage(this, run, itemIndex), customer.id, itemIndex);
	return await run.exclusive(`alert:${customer.id}:${identity.alertId}`, async () => {
		const ticket = await tickets.find(identity.alertId);
		const base: IDataObject = {
			alert_id: identity.alertId,
			client_id: customer.id,
			client_name: customer.name,
			client_matched_by: customer.matchedBy,
		};
		if (!ticket) return { action: 'nothing_to_resolve', ...base, ticket_id: null };

		const resolvedLine = `Alert ${identity.alertId} was resolved${close ? '; the ticket is closed' : ''}.`;
		const note = renderAlertHtml(
			{
				title: `Alert ${identity.alertId} resolved`,
				customer: customer.name,
				detectedAt: detectedAt(data),
				link: alertLink(data),
				extraText: resolution,
				notes: [resolvedLine],
			},
			data,
		);
		await postAction(this, run, {
			ticketId: ticket.id,
			note,
			format: 'html',
			private: options.private !== false,
			newStatusId: statusId,
			itemIndex,
			findSaved: async () => await findActionContaining(this, ticket.id, resolvedLine, itemIndex),
		});
		if (close) await tickets.forget(identity.alertId);
		return {
			action: close ? 'resolved' : 'noted',
			...base,
			ticket_id: ticket.id,
			ticket_url: ticketUrl(await run.instanceUrl(), ticket.id),
			status_id: statusId ?? null,
		};
	});
}

export const resolveAlert: HaloOperation = { properties, execute };
