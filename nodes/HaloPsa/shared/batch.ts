/**
 * Writing many records in one request: HaloPSA takes a JSON array and, with `returnall=true`,
 * answers every saved record in order, so each is paired with the item it came from.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { haloRequest } from '../transport/request';
import { savedRecord } from './records';

/** HaloPSA's own clients send at most 100 records per request. */
export const MAX_BATCH_SIZE = 100;

export const batchSizeField: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
	default: 1,
	description:
		'How many items to send to HaloPSA in one request (up to 100). 1 sends each item on its own. In batches, an item whose own fields are invalid still fails alone; a batch HaloPSA refuses fails for all its items.',
};

/** The batch size the node runs with (read once: batching covers all items of a run). */
export function batchSizeOf(context: IExecuteFunctions): number {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const size = Math.floor(Number(options?.batchSize ?? 1));
	return Number.isFinite(size) ? Math.min(Math.max(size, 1), MAX_BATCH_SIZE) : 1;
}

export interface BatchEntry {
	itemIndex: number;
	body: IDataObject;
}

/** What happened to each item: its saved record, or its own error. */
export type BatchResults = Map<number, IDataObject | Error>;

function chunks<T>(list: T[], size: number): T[][] {
	const result: T[][] = [];
	for (let start = 0; start < list.length; start += size) result.push(list.slice(start, start + size));
	return result;
}

/** The batch's error, given to one of its items. */
function errorForItem(context: IExecuteFunctions, error: unknown, itemIndex: number, size: number): Error {
	const base = error as NodeApiError;
	const prefix = size > 1 ? `In a batch of ${size}: ` : '';
	// HaloPSA saves a batch record by record: those before a refused one may be saved.
	const description =
		size > 1 ? 'HaloPSA may have saved some records of this batch: check HaloPSA before running these items again.' : (base.description ?? undefined);
	if (base instanceof NodeApiError) {
		return new NodeApiError(
			context.getNode(),
			{ message: `${prefix}${base.message}` },
			{ message: `${prefix}${base.message}`, description, httpCode: base.httpCode ?? undefined, itemIndex },
		);
	}
	return new NodeOperationError(context.getNode(), `${prefix}${(error as Error)?.message ?? String(error)}`, { itemIndex, description });
}

export interface BatchOptions {
	/** Sending a record again does no harm (updates): a refused batch is retried record by record. */
	safeToResend?: boolean;
	/**
	 * After a batch that failed (answer lost, or a record refused): finds the records that were saved
	 * (by item), so only the missing ones are sent again, one by one. Without it such a batch fails
	 * for all its items.
	 */
	findSaved?: (entries: BatchEntry[]) => Promise<Map<number, IDataObject>>;
}

/** POSTs the entries in batches of `size`; every entry ends with its saved record or an error. */
export async function postInBatches(
	context: IExecuteFunctions,
	path: string,
	entries: BatchEntry[],
	size: number,
	options: BatchOptions = {},
): Promise<BatchResults> {
	const results: BatchResults = new Map();
	const send = async (batch: BatchEntry[]) => {
		const response = await haloRequest(context, {
			method: 'POST',
			path,
			qs: batch.length > 1 ? { returnall: true } : undefined,
			body: batch.map((entry) => entry.body),
			retryWrite: options.safeToResend === true,
			itemIndex: batch[0].itemIndex,
		});
		const saved = batch.length === 1 ? [savedRecord(response)] : Array.isArray(response) ? (response as IDataObject[]) : [];
		if (saved.length !== batch.length) {
			throw new NodeOperationError(
				context.getNode(),
				`HaloPSA answered ${saved.length} records for a batch of ${batch.length}: the items' outcome is unknown, check HaloPSA`,
			);
		}
		batch.forEach((entry, index) => results.set(entry.itemIndex, saved[index]));
	};

	for (const batch of chunks(entries, size)) {
		const failure = await send(batch).then(
			() => undefined,
			(error: unknown) => error ?? new Error('failed'),
		);
		if (failure === undefined) continue;
		if (options.findSaved) {
			// Lost answer or a refused record: find what HaloPSA saved, then send the rest one by one,
			// so each ends saved or with its own error.
			const found = await options.findSaved(batch);
			for (const [itemIndex, record] of found) results.set(itemIndex, record);
			for (const entry of batch.filter((candidate) => !found.has(candidate.itemIndex))) {
				await send([entry]).catch((error: unknown) => results.set(entry.itemIndex, errorForItem(context, error, entry.itemIndex, 1)));
			}
		} else if (options.safeToResend && batch.length > 1) {
			// Which record HaloPSA refused is not said: send them one by one to find out.
			for (const entry of batch) {
				await send([entry]).catch((error: unknown) => results.set(entry.itemIndex, errorForItem(context, error, entry.itemIndex, 1)));
			}
		} else {
			for (const entry of batch) results.set(entry.itemIndex, errorForItem(context, failure, entry.itemIndex, batch.length));
		}
	}
	return results;
}
