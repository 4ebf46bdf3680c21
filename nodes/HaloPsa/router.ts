/**
 * Runs the chosen operation for every input item: output paired with its input, errors per item
 * when "Continue On Fail" is on, and every error a NodeApiError/NodeOperationError with its item.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { batchSizeOf } from './shared/batch';
import type { HaloOperation, HaloRun } from './shared/operation';
import { processCached, REFERENCE_TTL_MS, withProcessLock } from './shared/processCache';
import { resolveInstanceUrl } from './transport/connection';
import { failureFromError, haloError } from './transport/errors';
import { connectionSettings } from './transport/request';

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	if ((error as Error)?.name === 'HaloSettingsError') {
		return haloError(context.getNode(), failureFromError(error), { method: 'GET', path: '', itemIndex });
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

function createRun(context: IExecuteFunctions): HaloRun {
	const memo = new Map<string, Promise<unknown>>();
	// Cached look-ups and locks are never shared between instances or API applications.
	const scope = async () => {
		const settings = await connectionSettings(context);
		return `${resolveInstanceUrl(settings)}|${String(settings.clientId)}|`;
	};
	const run: HaloRun = {
		async instanceUrl() {
			return resolveInstanceUrl(await connectionSettings(context));
		},
		memoize<T>(key: string, load: () => Promise<T>): Promise<T> {
			let value = memo.get(key) as Promise<T> | undefined;
			if (!value) {
				value = load();
				memo.set(key, value);
				value.catch(() => memo.delete(key));
			}
			return value;
		},
		async shared<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
			if (ttlMs <= 0) return await run.memoize(key, load);
			const prefix = await scope();
			return await run.memoize(key, async () => processCached(prefix + key, ttlMs, load));
		},
		reference<T>(key: string, load: () => Promise<T>): Promise<T> {
			return run.shared(key, REFERENCE_TTL_MS, load);
		},
		async exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
			return await withProcessLock((await scope()) + key, task);
		},
	};
	return run;
}

export async function route(
	this: IExecuteFunctions,
	operations: Record<string, Record<string, HaloOperation>>,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	const run = createRun(this);
	const fail = (error: unknown, itemIndex: number) => {
		const nodeError = asNodeError(this, error, itemIndex);
		if (!this.continueOnFail()) throw nodeError;
		const json: IDataObject = { error: nodeError.message };
		if (nodeError.description) json.description = nodeError.description;
		output.push({ json, pairedItem: { item: itemIndex } });
	};

	// Resource and operation are the same for every item (they take no expressions).
	const batchHandler = items.length > 0 ? operations[this.getNodeParameter('resource', 0) as string]?.[this.getNodeParameter('operation', 0) as string] : undefined;
	const batchSize = batchHandler?.executeBatch ? batchSizeOf(this) : 1;
	if (batchHandler?.executeBatch && batchSize > 1) {
		const results = await batchHandler.executeBatch.call(this, items.map((_, index) => index), run, batchSize);
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const result = results.get(itemIndex) ?? new NodeOperationError(this.getNode(), 'The item got no result', { itemIndex });
			if (result instanceof Error) fail(result, itemIndex);
			else output.push({ json: result, pairedItem: { item: itemIndex } });
		}
		return [output];
	}

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const handler = operations[resource]?.[operation];
			if (!handler) {
				throw new NodeOperationError(this.getNode(), `The operation '${operation}' is not available for '${resource}'`, {
					itemIndex,
				});
			}
			const result = await handler.execute.call(this, itemIndex, run);
			for (const json of Array.isArray(result) ? result : [result]) {
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			fail(error, itemIndex);
		}
	}
	return [output];
}
