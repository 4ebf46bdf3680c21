import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** State shared by all items of one node run. */
export interface HaloRun {
	/** The instance's web address, for agent-portal links. */
	instanceUrl(): Promise<string>;
	/** Runs `load` once per key for this node run (look-ups that many items need). */
	memoize<T>(key: string, load: () => Promise<T>): Promise<T>;
	/**
	 * Like memoize, but kept between executions of this n8n process for `ttlMs` (per HaloPSA
	 * instance and API application); 0 keeps it for this run only.
	 */
	shared<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T>;
	/** For reference data (outcomes, statuses): shared between executions for a few minutes. */
	reference<T>(key: string, load: () => Promise<T>): Promise<T>;
	/** Runs `task` after any other task of this process with the same key (per instance and application). */
	exclusive<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/** One operation: its fields and what it does for one input item. */
export interface HaloOperation {
	properties: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject | IDataObject[]>;
	/**
	 * For operations that can send many items in one request (when the user asks for batches): all
	 * items at once, each ending with its output or its own error.
	 */
	executeBatch?(this: IExecuteFunctions, itemIndexes: number[], run: HaloRun, batchSize: number): Promise<Map<number, IDataObject | Error>>;
}
