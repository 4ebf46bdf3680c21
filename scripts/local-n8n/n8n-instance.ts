/**
 * One n8n user folder (database, settings, installed community packages) and the n8n processes
 * that use it: CLI commands (import, execute) and the server (editor, REST API, webhooks). Each
 * process gets a task-runner port of its own, so a CLI command can run beside the server.
 */
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

import type { N8nInstall } from './n8n-install';
import { runtimeEnv } from './node-runtime';
import { freePort, runCommand, startProcess, waitUntil, type RunningProcess } from './processes';

/** What n8n must not try while offline, and what keeps it quiet and local. */
const QUIET_LOCAL_SETTINGS: Record<string, string> = {
	DB_TYPE: 'sqlite',
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_SECURE_COOKIE: 'false',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
	N8N_REINSTALL_MISSING_PACKAGES: 'false',
};

export interface CliRun {
	/** n8n's run record (`IRun`): `data.resultData.runData[node][0].data.main[0][i].json`. */
	run: RunRecord;
	succeeded: boolean;
}

export interface RunRecord {
	status?: string;
	data: {
		resultData: {
			error?: { message?: string; description?: string };
			runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: { message?: string } }>>;
		};
	};
}

export interface N8nServer {
	/** http://127.0.0.1:PORT (no trailing slash). */
	url: string;
	port: number;
	process: RunningProcess;
	stop(): Promise<void>;
}

export class N8nUserFolder {
	/**
	 * @param userFolder  N8N_USER_FOLDER: n8n keeps its data in `<userFolder>/.n8n`
	 * @param logFile     every n8n process appends its output here
	 * @param settings    extra environment for every n8n process (e.g. N8N_LOG_LEVEL)
	 */
	constructor(
		readonly install: N8nInstall,
		readonly userFolder: string,
		readonly logFile: string,
		private readonly settings: Record<string, string> = {},
	) {
		fs.mkdirSync(path.join(userFolder, '.n8n'), { recursive: true });
		fs.mkdirSync(path.dirname(logFile), { recursive: true });
	}

	/** The environment of one n8n process; each gets its own task-runner port. */
	private async env(extra: Record<string, string> = {}): Promise<NodeJS.ProcessEnv> {
		return {
			...runtimeEnv(this.install.runtime),
			...QUIET_LOCAL_SETTINGS,
			N8N_USER_FOLDER: this.userFolder,
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			...this.settings,
			...extra,
		};
	}

	/** Runs `n8n <args>` to its end. */
	async cli(args: string[], options: { timeoutMs?: number; allowFailure?: boolean; env?: Record<string, string>; stdoutFile?: string } = {}) {
		return await runCommand({
			stdoutFile: options.stdoutFile,
			name: `n8n ${args[0]}`,
			command: this.install.bin,
			args,
			env: await this.env(options.env),
			logFile: this.logFile,
			timeoutMs: options.timeoutMs ?? 3 * 60_000,
			allowFailure: options.allowFailure,
		});
	}

	/** `n8n import:credentials`; plain `data` is encrypted by n8n on import. The temporary file is removed. */
	async importCredentials(credentials: object[]): Promise<void> {
		await this.importFile('import:credentials', credentials);
	}

	/** `n8n import:workflow` (imported workflows are inactive). */
	async importWorkflows(workflows: object[]): Promise<void> {
		await this.importFile('import:workflow', workflows);
	}

	private async importFile(command: string, content: object[]): Promise<void> {
		const file = path.join(this.userFolder, `${command.replace(':', '-')}-${process.pid}.json`);
		fs.writeFileSync(file, JSON.stringify(content), { mode: 0o600 });
		try {
			await this.cli([command, `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	/** `n8n execute --id`: runs a workflow that starts with a Manual Trigger and returns n8n's run record. */
	async execute(workflowId: string): Promise<CliRun> {
		// JSON log lines: the run record is then one log message, easy to pick out. Through a file: a
		// large run record would lose its end in a pipe when n8n exits right after printing it.
		const stdoutFile = path.join(this.userFolder, `execute-${randomUUID()}.out`);
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], { allowFailure: true, env: { N8N_LOG_FORMAT: 'json' }, stdoutFile }).finally(() =>
			fs.rmSync(stdoutFile, { force: true }),
		);
		const run = lastRunRecord(result.stdout);
		if (!run) throw new Error(`n8n execute --id=${workflowId} printed no run record (exit code ${result.code}):\n${result.stdout.slice(-3000)}`);
		return { run, succeeded: result.code === 0 && !run.data.resultData.error };
	}

	/** Starts `n8n start` on `port` (a free one by default) and waits until its REST API answers. */
	async start(port?: number): Promise<N8nServer> {
		const chosenPort = port ?? (await freePort());
		const url = `http://127.0.0.1:${chosenPort}`;
		const server = startProcess({
			name: `n8n ${this.install.version} server`,
			command: this.install.bin,
			args: ['start'],
			env: await this.env({
				N8N_PORT: String(chosenPort),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_HOST: '127.0.0.1',
				WEBHOOK_URL: `${url}/`,
			}),
			logFile: this.logFile,
		});
		try {
			await waitUntil(`n8n at ${url} to answer`, () => settingsAnswer(url), { timeoutMs: 3 * 60_000, process: server });
		} catch (error) {
			await server.stop();
			throw error;
		}
		return { url, port: chosenPort, process: server, stop: () => server.stop() };
	}

	/**
	 * Starts `n8n worker` (queue mode: the settings must name the shared database and Redis) and
	 * waits until its health endpoint says it is ready to take executions.
	 */
	async startWorker(options: { concurrency: number }): Promise<N8nWorker> {
		const healthPort = await freePort();
		const worker = startProcess({
			name: `n8n ${this.install.version} worker`,
			command: this.install.bin,
			args: ['worker', `--concurrency=${options.concurrency}`],
			env: await this.env({ QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' }),
			logFile: this.logFile,
		});
		const readiness = `http://127.0.0.1:${healthPort}/healthz/readiness`;
		try {
			await waitUntil(`the n8n worker to be ready (${readiness})`, async () => ((await fetch(readiness, { signal: AbortSignal.timeout(5000) })).ok ? true : undefined), {
				timeoutMs: 3 * 60_000,
				process: worker,
			});
		} catch (error) {
			await worker.stop();
			throw error;
		}
		return { process: worker, stop: () => worker.stop() };
	}
}

export interface N8nWorker {
	process: RunningProcess;
	stop(): Promise<void>;
}

/** `GET /rest/settings` answers with `data` once n8n is ready (`/healthz` answers earlier). */
async function settingsAnswer(url: string): Promise<true | undefined> {
	const response = await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(5000) });
	if (!response.ok) return undefined;
	const body = (await response.json()) as { data?: unknown };
	return body.data ? true : undefined;
}

/**
 * `--rawOutput` prints the run record through n8n's logger, among other log lines (and on failure
 * after "Execution was NOT successful"). With N8N_LOG_FORMAT=json every log line is a JSON object
 * whose `message` is the text logged: the run record is the last message that parses as one.
 */
export function lastRunRecord(stdout: string): RunRecord | undefined {
	let found: RunRecord | undefined;
	for (const line of stdout.split('\n')) {
		const message = parseJson(line)?.message;
		if (typeof message !== 'string' || !message.startsWith('{')) continue;
		const record = parseJson(message);
		if (record?.data && typeof record.data === 'object' && 'resultData' in record.data) found = record as unknown as RunRecord;
	}
	return found;
}

function parseJson(text: string): Record<string, unknown> | undefined {
	try {
		const value = JSON.parse(text);
		return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

/** The JSON of every item a node output in a run record (first run, first output). */
export function nodeOutput(run: RunRecord, nodeName: string): Array<Record<string, unknown>> {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs?.length) throw new Error(`Node '${nodeName}' did not run`);
	const error = runs[0].error;
	if (error) throw new Error(`Node '${nodeName}' failed: ${error.message ?? 'unknown error'}`);
	return (runs[0].data?.main?.[0] ?? []).map((item) => item.json);
}
