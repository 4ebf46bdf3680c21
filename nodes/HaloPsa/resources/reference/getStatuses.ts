import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllFields } from '../../shared/descriptions';
import { getStatuses as loadStatuses } from '../../shared/lookups';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { readLimit } from '../../shared/parameters';

const properties: INodeProperties[] = [...returnAllFields()];

/** Statuses with `closed`: the ones HaloPSA leaves out when asked to exclude closed statuses. */
async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const statuses = await loadStatuses(this, run.memoize);
	return statuses.slice(0, limit).map((status) => ({ id: status.id, name: status.name, closed: status.closed }));
}

export const getStatuses: HaloOperation = { properties, execute };
