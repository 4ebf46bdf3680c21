import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { shapeRecords } from '../../shared/crud';
import { returnAllFields, simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { readCollection, readLimit } from '../../shared/parameters';
import { simplifyTicketType } from '../../shared/records';
import { haloList } from '../../transport/pagination';

const properties: INodeProperties[] = [
	...returnAllFields(),
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Inactive',
				name: 'includeInactive',
				type: 'boolean',
				default: false,
				description: 'Whether to list inactive ticket types too',
			},
		],
	},
];

/** Ticket types, with the SLA (`default_sla`) that decides their priorities. */
async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject[]> {
	const options = readCollection(this, 'options', itemIndex);
	const qs: IDataObject = options.includeInactive === true ? { showinactive: true } : {};
	const types = await haloList(this, { path: '/TicketType', qs, limit: readLimit(this, itemIndex), itemIndex });
	return await shapeRecords(this, itemIndex, run, types, simplifyTicketType);
}

export const getTicketTypes: HaloOperation = { properties, execute };
