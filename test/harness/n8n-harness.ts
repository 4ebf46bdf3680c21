/**
 * Runs the HaloPSA node inside n8n's real workflow engine (n8n-core's WorkflowExecute), with n8n's
 * real HTTP helpers, against a real HTTP server. The one stand-in is the credential store: an
 * in-memory "database row" handled the way n8n's credentials helper handles it (preAuthentication
 * when the expirable token is empty, after a 401 and on credential tests; its output persisted).
 */
import { ExecutionLifecycleHooks, LoadOptionsContext, PollContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import {
	ICredentialsHelper,
	Workflow,
	createEmptyRunExecutionData,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type ICredentials,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWebhookData,
	type IWebhookDescription,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
	NodeHelpers,
} from 'n8n-workflow';

import { forgetSharedTokens, HaloPsaApi } from '../../credentials/HaloPsaApi.credentials';
import { forgetProcessCache } from '../../nodes/HaloPsa/shared/processCache';
import { resetBudgets } from '../../nodes/HaloPsa/transport/budget';
import { HaloPsa } from '../../nodes/HaloPsa/HaloPsa.node';
import { HaloPsaTrigger } from '../../nodes/HaloPsaTrigger/HaloPsaTrigger.node';
import { HaloPsaWebhookTrigger } from '../../nodes/HaloPsaWebhookTrigger/HaloPsaWebhookTrigger.node';

/** Emits the items a test gives it, like a Manual Trigger followed by a Code node. */
class TestInput implements INodeType {
	description = {
		displayName: 'Test Input',
		name: 'testInput',
		group: ['input'],
		version: 1,
		description: 'Emits the test items',
		defaults: { name: 'Test Input' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' } as INodeProperties],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

type ProbeFn = (context: IExecuteFunctions) => Promise<unknown>;
const probes = new Map<string, ProbeFn>();

/** Runs a test's function inside a real node execution context with the HaloPSA credential. */
class TestProbe implements INodeType {
	description = {
		displayName: 'Test Probe',
		name: 'testProbe',
		group: ['transform'],
		version: 1,
		description: 'Runs a test function',
		defaults: { name: 'Test Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'haloPsaApi', required: true }],
		properties: [{ displayName: 'Probe', name: 'probe', type: 'string', default: '' } as INodeProperties],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const probe = probes.get(this.getNodeParameter('probe', 0) as string);
		if (!probe) throw new Error('unknown probe');
		const result = await probe(this);
		return [[{ json: { result: result as IDataObject } }]];
	}
}

const credentialType: ICredentialType = new HaloPsaApi();

class NodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType> = {
		'test.input': new TestInput(),
		'n8n-nodes-halopsa.haloPsa': new HaloPsa(),
		'test.probe': new TestProbe(),
		'n8n-nodes-halopsa.haloPsaTrigger': new HaloPsaTrigger(),
		'n8n-nodes-halopsa.haloPsaWebhookTrigger': new HaloPsaWebhookTrigger(),
	};

	getByName(name: string): INodeType | IVersionedNodeType {
		return this.types[name];
	}

	getByNameAndVersion(name: string): INodeType {
		return this.types[name];
	}

	getKnownTypes() {
		return {};
	}
}

/** The credential's stored data, as n8n's database row would hold it (decrypted). */
export class CredentialStore {
	data: ICredentialDataDecryptedObject;
	/** How many times n8n would have written the row (token persisted). */
	writes = 0;

	constructor(data: ICredentialDataDecryptedObject) {
		// n8n fills in the defaults of fields the stored JSON does not have.
		this.data = { ...defaultsOf(credentialType.properties), ...data } as ICredentialDataDecryptedObject;
	}
}

function defaultsOf(properties: INodeProperties[]): IDataObject {
	const defaults: IDataObject = {};
	for (const property of properties) defaults[property.name] = property.default as IDataObject[string];
	return defaults;
}

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly store: CredentialStore,
		/** Credentials of other types (e.g. the webhook's Basic auth), by type name. */
		private readonly others: Record<string, ICredentialDataDecryptedObject> = {},
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, _typeName: string, requestOptions: IHttpRequestOptions) {
		const authenticate = credentialType.authenticate;
		if (typeof authenticate !== 'function') throw new Error('the HaloPSA credential signs requests with a function');
		return await authenticate(credentials, requestOptions);
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof credentialType.preAuthentication !== 'function') return undefined;
		const isTest = node.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTest) return undefined;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		this.store.data = { ...this.store.data, ...output } as ICredentialDataDecryptedObject;
		this.store.writes++;
		return Object.assign(credentials, output);
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by the HaloPSA node');
	}

	async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		return { ...(this.others[type] ?? this.store.data) };
	}

	async updateCredentials(_details: INodeCredentialsDetails, _type: string, data: ICredentialDataDecryptedObject) {
		this.store.data = { ...data };
		this.store.writes++;
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return credentialType.properties;
	}
}

export interface RunOptions {
	parameters: INodeParameters;
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** The workflow's time zone (n8n's default is America/New_York). */
	timezone?: string;
}

export interface RunResult {
	/** The HaloPSA node's output items. */
	items: INodeExecutionData[];
	json: IDataObject[];
	/** The node's error when it failed (and continueOnFail was off). */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string | null };
	run: IRun;
}

const HALO_NODE = 'HaloPSA';

/** One n8n "instance": a credential row shared by every execution run through it. */
export class N8nHarness {
	readonly store: CredentialStore;
	/** Credentials of other types than the HaloPSA API one, by type name (decrypted). */
	readonly otherCredentials: Record<string, ICredentialDataDecryptedObject> = {};

	constructor(credentialData: ICredentialDataDecryptedObject) {
		this.store = new CredentialStore(credentialData);
	}

	/** The HaloPSA Trigger (polling) of an active workflow; `savedStaticData` as n8n's database holds it. */
	pollingTrigger(parameters: INodeParameters, savedStaticData: IDataObject = {}): PollingTriggerRun {
		return new PollingTriggerRun(this, parameters, savedStaticData);
	}

	/**
	 * One HTTP delivery to the HaloPSA Webhook Trigger of an active workflow, handled the way n8n's
	 * webhook server does with responseMode onReceived: the node's own answer (e.g. 401) when it
	 * sends one, otherwise 200, with the items the workflow would start with.
	 */
	async webhook(options: { parameters: INodeParameters; body: unknown; headers?: Record<string, string> }): Promise<WebhookDelivery> {
		const nodeType = new HaloPsaWebhookTrigger();
		const parameters =
			NodeHelpers.getNodeParameters(nodeType.description.properties, options.parameters, true, false, null, null) ??
			options.parameters;
		const node: INode = {
			id: 'halo-webhook',
			name: WEBHOOK_TRIGGER_NODE,
			type: 'n8n-nodes-halopsa.haloPsaWebhookTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters,
			webhookId: 'halo-webhook-id',
			credentials: { haloPsaWebhookAuthApi: { id: 'cred-webhook', name: 'HaloPSA webhook' } },
		};
		const workflow = new Workflow({ id: 'wf-webhook', nodes: [node], connections: {}, active: true, nodeTypes: new NodeTypes() });
		const response = new RecordedResponse();
		const headers = Object.fromEntries(Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
		const additionalData = this.additionalData({
			httpRequest: { body: options.body, headers, query: {}, params: {}, method: 'POST' },
			httpResponse: response,
		});
		const description = nodeType.description.webhooks?.[0] as IWebhookDescription;
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: String(description.path),
			webhookDescription: description,
			workflowId: 'wf-webhook',
			workflowExecuteAdditionalData: additionalData,
		};
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
		const result = await nodeType.webhook.call(context);
		const items = result.workflowData?.[0] ?? [];
		if (result.noWebhookResponse) {
			return { status: response.status ?? 200, headers: response.headers, body: response.body, started: false, items: [], json: [] };
		}
		return {
			status: 200,
			headers: {},
			body: result.workflowData ? undefined : 'Webhook call received',
			started: result.workflowData !== undefined,
			items,
			json: items.map((item) => item.json),
		};
	}

	/** Runs `fn` inside a node's execution context (real helpers, this harness's credential). */
	async withContext<T>(fn: (context: IExecuteFunctions) => Promise<T>): Promise<T> {
		const key = `probe-${probes.size + 1}-${Date.now()}`;
		probes.set(key, fn as ProbeFn);
		try {
			const result = await this.execute('test.probe', { probe: key }, [{}], false);
			if (result.error) throw result.error;
			return result.json[0]?.result as T;
		} finally {
			probes.delete(key);
		}
	}

	async run({ parameters, items = [{}], continueOnFail = false, timezone }: RunOptions): Promise<RunResult> {
		const haloType = new HaloPsa();
		const resolved =
			NodeHelpers.getNodeParameters(haloType.description.properties, parameters, true, false, null, null) ?? parameters;
		return await this.execute('n8n-nodes-halopsa.haloPsa', resolved, items, continueOnFail, timezone);
	}

	private async execute(
		type: string,
		parameters: INodeParameters,
		items: IDataObject[],
		continueOnFail: boolean,
		timezone?: string,
	): Promise<RunResult> {
		const nodes: INode[] = [
			{
				id: 'input',
				name: 'Input',
				type: 'test.input',
				typeVersion: 1,
				position: [0, 0],
				parameters: { items: JSON.stringify(items) },
			},
			{
				id: 'halo',
				name: HALO_NODE,
				type,
				typeVersion: 1,
				position: [200, 0],
				// n8n resolves defaults for parameters the workflow JSON leaves out (see run()).
				parameters,
				credentials: { haloPsaApi: { id: 'cred-1', name: 'HaloPSA' } },
				continueOnFail,
				onError: continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
			},
		];
		const workflow = new Workflow({
			id: 'wf-test',
			name: 'test',
			nodes,
			connections: { Input: { main: [[{ node: HALO_NODE, type: 'main', index: 0 }]] } },
			active: false,
			nodeTypes: new NodeTypes(),
			settings: timezone ? { timezone } : {},
		});
		const hooks = new ExecutionLifecycleHooks('manual', 'exec-test', {
			id: 'wf-test',
			name: 'test',
			nodes,
			connections: workflow.connectionsBySourceNode,
			active: false,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
			activeVersionId: null,
		} as unknown as ConstructorParameters<typeof ExecutionLifecycleHooks>[2]);
		const additionalData = this.additionalData({ hooks });
		const execute = new WorkflowExecute(additionalData, 'manual', createEmptyRunExecutionData());
		const run = await execute.run({ workflow, startNode: workflow.getNode('Input') ?? undefined });
		const taskData = run.data.resultData.runData[HALO_NODE]?.[0];
		const output = taskData?.data?.main?.[0] ?? [];
		const error = (taskData?.error ?? run.data.resultData.error) as RunResult['error'];
		return { items: output, json: output.map((item) => item.json), error, run };
	}

	/**
	 * Calls one of the node's pickers the way the editor does: `parameters` are the node's current
	 * values (for pickers that follow a parent, such as sites of the chosen client).
	 */
	async pick(
		kind: 'loadOptions' | 'listSearch',
		method: string,
		parameters: INodeParameters,
		filter?: string,
		paginationToken?: string,
	): Promise<unknown> {
		const haloType = new HaloPsa();
		const resolved =
			NodeHelpers.getNodeParameters(haloType.description.properties, parameters, true, false, null, null) ?? parameters;
		const node: INode = {
			id: 'halo',
			name: HALO_NODE,
			type: 'n8n-nodes-halopsa.haloPsa',
			typeVersion: 1,
			position: [0, 0],
			parameters: resolved,
			credentials: { haloPsaApi: { id: 'cred-1', name: 'HaloPSA' } },
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: new NodeTypes() });
		const context = new LoadOptionsContext(workflow, node, this.additionalData({ currentNodeParameters: resolved }), `parameters.${method}`);
		const methods = haloType.methods[kind] as Record<string, (this: unknown, ...args: unknown[]) => Promise<unknown>>;
		return await methods[method].call(context, filter, paginationToken);
	}

	/** n8n's per-execution data (real URLs are not needed: nothing is served). */
	additionalData(extra: IDataObject): IWorkflowExecuteAdditionalData {
		return {
			credentialsHelper: new TestCredentialsHelper(this.store, this.otherCredentials),
			executionId: 'exec-test',
			currentNodeExecutionIndex: 0,
			restApiUrl: 'http://localhost/rest',
			instanceBaseUrl: 'http://localhost/',
			formWaitingBaseUrl: 'http://localhost/form-waiting',
			webhookBaseUrl: 'http://localhost/webhook',
			webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
			webhookTestBaseUrl: 'http://localhost/webhook-test',
			variables: {},
			logAiEvent: () => {},
			executeWorkflow: async () => {
				throw new Error('not used');
			},
			getRunExecutionData: async () => undefined,
			startRunnerTask: async () => {
				throw new Error('not used');
			},
			...extra,
		} as unknown as IWorkflowExecuteAdditionalData;
	}
}

const POLLING_TRIGGER_NODE = 'HaloPSA Trigger';
const WEBHOOK_TRIGGER_NODE = 'HaloPSA Webhook Trigger';

export interface PollResult {
	/** What the poll emitted (nothing: n8n starts no execution). */
	items: INodeExecutionData[];
	json: IDataObject[];
	error?: Error & { description?: string };
}

/**
 * A polling trigger in an active workflow, kept the way n8n keeps one: the workflow object (and with
 * it the static data) lives in memory from poll to poll; n8n's database gets the static data after
 * activation and whenever a poll emits items (n8n 2.8's ActiveWorkflowManager), and a restart starts
 * from the database copy.
 */
export class PollingTriggerRun {
	private readonly node: INode;
	private workflow: Workflow;
	/** The static data as n8n's database holds it (JSON, as stored). */
	saved: IDataObject;

	constructor(
		private readonly harness: N8nHarness,
		parameters: INodeParameters,
		savedStaticData: IDataObject,
	) {
		const nodeType = new HaloPsaTrigger();
		this.node = {
			id: 'halo-trigger',
			name: POLLING_TRIGGER_NODE,
			type: 'n8n-nodes-halopsa.haloPsaTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: NodeHelpers.getNodeParameters(nodeType.description.properties, parameters, true, false, null, null) ?? parameters,
			credentials: { haloPsaApi: { id: 'cred-1', name: 'HaloPSA' } },
		};
		this.saved = structuredClone(savedStaticData);
		this.workflow = this.loadWorkflow();
	}

	/** The node's static data in memory (what the next poll sees). */
	get staticData(): IDataObject {
		return structuredClone(this.workflow.getStaticData('node', this.node)) as IDataObject;
	}

	/** Activation: n8n polls once straight away, then saves the static data. */
	async activate(): Promise<PollResult> {
		const result = await this.run('trigger', 'activate');
		this.save();
		return result;
	}

	/** A scheduled poll. */
	async poll(): Promise<PollResult> {
		return await this.run('trigger', 'activate');
	}

	/** "Fetch Test Event" in the editor: a manual poll on the saved workflow; nothing is saved. */
	async test(): Promise<PollResult> {
		const workflow = this.workflow;
		this.workflow = this.loadWorkflow();
		try {
			return await this.run('manual', 'manual');
		} finally {
			this.workflow = workflow;
		}
	}

	/** n8n restarts: the workflow is loaded again from the database and activated ('init'). */
	async restart(): Promise<PollResult> {
		this.workflow = this.loadWorkflow();
		const result = await this.run('trigger', 'init');
		this.save();
		return result;
	}

	private loadWorkflow(): Workflow {
		return new Workflow({
			id: 'wf-trigger',
			name: 'trigger',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: new NodeTypes(),
			staticData: structuredClone(this.saved),
		});
	}

	private save(): void {
		this.saved = JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
	}

	private async run(mode: 'trigger' | 'manual', activation: WorkflowActivateMode): Promise<PollResult> {
		const context = new PollContext(this.workflow, this.node, this.harness.additionalData({}), mode, activation, () => {}, () => {});
		try {
			const output = await new HaloPsaTrigger().poll.call(context);
			const items = output?.[0] ?? [];
			// n8n saves the static data when a poll emits items.
			if (output !== null && mode === 'trigger') this.save();
			return { items, json: items.map((item) => item.json) };
		} catch (error) {
			return { items: [], json: [], error: error as PollResult['error'] };
		}
	}
}

export interface WebhookDelivery {
	status: number;
	headers: Record<string, string>;
	body?: string;
	/** Whether n8n would start an execution. */
	started: boolean;
	items: INodeExecutionData[];
	json: IDataObject[];
}

/** The parts of an HTTP response the webhook node writes to (node's http API, as Express has it). */
class RecordedResponse {
	status?: number;
	headers: Record<string, string> = {};
	body?: string;

	writeHead(status: number, headers: Record<string, string> = {}): this {
		this.status = status;
		this.headers = { ...this.headers, ...headers };
		return this;
	}

	end(body?: string): this {
		this.body = body;
		return this;
	}
}

/**
 * What an n8n process keeps between executions (shared tokens, cached look-ups, request budgets):
 * tests start each case from a fresh process.
 */
export function resetProcessState(): void {
	forgetSharedTokens();
	forgetProcessCache();
	resetBudgets();
}
