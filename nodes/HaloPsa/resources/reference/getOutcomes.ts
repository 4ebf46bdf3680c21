import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { shapeRecords } from '../../shared/crud';
import { returnAllFields, simplifyField } from '../../shared/descriptions';
import { getOutcomes as loadOutcomes } from '../../shared/lookups';
import type { HaloOperation, HaloRun } from '../../shared/operation';
import { readLimit } from '../../shared/parameters';
import { simplifyOutcome } from '../../shared/records';

const properties: INodeProperties[] = [...returnAllFields(), simplifyField];

/** Outcomes are the action buttons a note is recorded as; `newstatus` is the status they set. */
async function execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const outcomes = await loadOutcomes(this, run.memoize);
	return await shapeRecords(this, itemIndex, run, outcomes.slice(0, limit), simplifyOutcome);
}

export const getOutcomes: HaloOperation = { properties, execute };
