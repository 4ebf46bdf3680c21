/**
 * Reading, saving and deleting one HaloPSA record, the same way for every resource
 * (`GET /X/{id}`, `POST /X [record]`, `DELETE /X/{id}`: API-NOTES §3, §4), and shaping records
 * for output.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { haloRequest, recordPath, type HaloContext } from '../transport/request';
import type { HaloRun } from './operation';
import { savedRecord } from './records';

export interface RecordTarget {
	/** Path segment, e.g. `Client`. */
	resource: string;
	/** Names the record in errors: "Client 12 was not found". */
	label: string;
	itemIndex: number;
}

export async function getRecord(context: HaloContext, target: RecordTarget, id: number, qs?: IDataObject): Promise<IDataObject> {
	return await haloRequest<IDataObject>(context, {
		method: 'GET',
		path: recordPath(target.resource, id),
		qs,
		record: `${target.label} ${id}`,
		itemIndex: target.itemIndex,
	});
}

/** Creates the record (no `id`) or updates the given fields of an existing one (`id`); returns the saved record. */
export async function saveRecord(context: HaloContext, target: RecordTarget, record: IDataObject): Promise<IDataObject> {
	const updating = record.id !== undefined;
	const response = await haloRequest(context, {
		method: 'POST',
		path: `/${target.resource}`,
		body: [record],
		// An update sets absolute values, so sending it twice does no harm; a create could duplicate.
		retryWrite: updating,
		record: updating ? `${target.label} ${String(record.id)}` : undefined,
		itemIndex: target.itemIndex,
	});
	return savedRecord(response);
}

export async function deleteRecord(context: HaloContext, target: RecordTarget, id: number): Promise<IDataObject> {
	await haloRequest(context, {
		method: 'DELETE',
		path: recordPath(target.resource, id),
		record: `${target.label} ${id}`,
		itemIndex: target.itemIndex,
	});
	return { deleted: true, id };
}

export type Simplifier = (record: IDataObject, instanceUrl: string) => IDataObject;

/** Records as an operation returns them: simplified when its Simplify option is on (the default). */
export async function shapeRecords(
	context: IExecuteFunctions,
	itemIndex: number,
	run: HaloRun,
	records: IDataObject[],
	simplify: Simplifier,
): Promise<IDataObject[]> {
	if (!context.getNodeParameter('simplify', itemIndex, true)) return records;
	const instanceUrl = await run.instanceUrl();
	return records.map((record) => simplify(record, instanceUrl));
}

export async function shapeRecord(
	context: IExecuteFunctions,
	itemIndex: number,
	run: HaloRun,
	record: IDataObject,
	simplify: Simplifier,
): Promise<IDataObject> {
	const [shaped] = await shapeRecords(context, itemIndex, run, [record], simplify);
	return shaped;
}
