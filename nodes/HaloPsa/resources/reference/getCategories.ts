import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { shapeRecords } from '../../shared/crud';
import { returnAllFields, simplifyField } from '../../shared/descriptions';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { type CollectionField, readCollectionFields, readLimit } from '../../shared/parameters';
import { simplifyCategory } from '../../shared/records';
import { haloList } from '../../transport/pagination';

const FILTERS: CollectionField[] = [
	{
		property: {
			displayName: 'Category Field',
			name: 'categoryField',
			type: 'options',
			options: [
				{ name: 'Category 1', value: 1 },
				{ name: 'Category 2', value: 2 },
				{ name: 'Category 3', value: 3 },
				{ name: 'Category 4', value: 4 },
			],
			default: 1,
			description: 'Which of the ticket category fields (category_1 … category_4) the values are for',
		},
		halo: 'type_id',
		kind: 'id',
	},
	{
		property: {
			displayName: 'Ticket Type Name or ID',
			name: 'ticketTypeId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTicketTypes' },
			default: '',
			description:
				'Only categories tickets of this type can take. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		halo: 'tickettype_id',
		kind: 'id',
	},
];

const properties: INodeProperties[] = [
	...returnAllFields(),
	simplifyField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: FILTERS.map((filter) => filter.property),
	},
];

/** Categories; `value` (e.g. Security>Phishing) is what a ticket's category field holds. */
async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject[]> {
	const qs = readCollectionFields(this, itemIndex, 'filters', FILTERS);
	const categories = await haloList(this, { path: '/Category', qs, limit: readLimit(this, itemIndex), itemIndex });
	return await shapeRecords(this, itemIndex, run, categories, simplifyCategory);
}

export const getCategories: HaloOperation = { properties, execute };
