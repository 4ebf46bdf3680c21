import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { shapeRecord } from '../../shared/crud';
import { errorIfNotFoundOption, simplifyField } from '../../shared/descriptions';
import { findClientByName, nameSearchTerm } from '../../shared/matching';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { readCollection, readText } from '../../shared/parameters';
import { simplifyClient } from '../../shared/records';
import { haloList } from '../../transport/pagination';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Contoso Ltd',
		description:
			'The client name to look for, e.g. from an alert. Matched exactly first, then ignoring case, punctuation and legal forms such as Ltd, Inc or GmbH.',
	},
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			errorIfNotFoundOption,
			{
				displayName: 'Include Inactive',
				name: 'includeInactive',
				type: 'boolean',
				default: false,
				description: 'Whether inactive clients can match too',
			},
		],
	},
];

function describeClient(client: IDataObject): string {
	return `'${String(client.name)}' (ID ${String(client.id)})`;
}

async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject> {
	const name = readText(this, 'name', itemIndex, 'Name', 'enter the client name to look for');
	const options = readCollection(this, 'options', itemIndex);
	const term = nameSearchTerm(name);
	if (term === '') {
		throw new NodeOperationError(this.getNode(), `Name '${name.slice(0, 60)}' has no letters or digits to look for`, { itemIndex });
	}
	const qs: IDataObject = { search: term, ...(options.includeInactive === true ? { includeinactive: true } : {}) };
	// Items of one run often name the same customer: ask HaloPSA once per search (it ignores case).
	const candidates = await run.memoize(`clients:${JSON.stringify(qs).toLowerCase()}`, async () =>
		haloList(this, { path: '/Client', qs, listKey: 'clients', itemIndex }),
	);
	const result = findClientByName(candidates, name);
	if (result.candidates.length > 1) {
		throw new NodeOperationError(
			this.getNode(),
			`Client name '${name}' is ambiguous: it matches ${result.candidates.map(describeClient).join(' and ')}`,
			{ itemIndex, description: 'Use the exact client name, or pick the client by ID with the Get operation.' },
		);
	}
	if (!result.match) {
		if (options.errorIfNotFound === true) {
			throw new NodeOperationError(this.getNode(), `No client is named '${name}'`, {
				itemIndex,
				description: 'Check the name in HaloPSA, or turn on Include Inactive if the client is inactive.',
			});
		}
		return { found: false, name };
	}
	const client = await shapeRecord(this, itemIndex, run, result.match, simplifyClient);
	return { found: true, match: result.how, ...client };
}

export const findClientByNameOperation: HaloOperation = { properties, execute };
