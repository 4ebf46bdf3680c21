import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** State shared by all items of one node run. */
export interface HaloRun {
	/** The instance's web address, for agent-portal links. */
	instanceUrl(): Promise<string>;
	/** Runs `load` once per key for this node run (look-ups that many items need). */
	memoize<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/** One operation: its fields and what it does for one input item. */
export interface HaloOperation {
	properties: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, run: HaloRun): Promise<IDataObject | IDataObject[]>;
}
