/**
 * The fake HaloPSA in its own process, for benchmarks about parallel requests: in the benchmark's
 * process its work per request (filtering thousands of tickets) would share the one event loop with
 * n8n and hide any overlap, which a real HaloPSA server does not.
 */
import { fork, type ChildProcess } from 'child_process';
import { join } from 'path';

import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, type FaultConfig, type LoggedRequest } from '../test/mock-halo';

export class RemoteHalo {
	url = '';
	private child?: ChildProcess;
	private seedingToken?: string;

	async start(): Promise<void> {
		const child = fork(join(__dirname, '..', 'test', 'mock-halo', 'cli.ts'), ['--port', '0'], {
			execArgv: ['-r', 'ts-node/register/transpile-only'],
			stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
		});
		this.child = child;
		this.url = await new Promise<string>((resolve, reject) => {
			let output = '';
			child.stdout?.on('data', (chunk: Buffer) => {
				output += chunk.toString();
				const match = /listening on (http:\/\/[^\s]+)/.exec(output);
				if (match) resolve(match[1]);
			});
			child.once('exit', (code) => reject(new Error(`the fake HaloPSA exited (${String(code)})`)));
		});
	}

	async stop(): Promise<void> {
		this.child?.kill('SIGTERM');
	}

	private async control(method: string, path: string, body?: unknown): Promise<unknown> {
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return text ? JSON.parse(text) : undefined;
	}

	async reset(): Promise<void> {
		await this.control('POST', '/__mock/reset');
	}

	async configure(faults: FaultConfig): Promise<void> {
		await this.control('POST', '/__mock/config', faults);
	}

	async clearLog(): Promise<void> {
		await this.control('DELETE', '/__mock/log');
	}

	async log(): Promise<LoggedRequest[]> {
		const answer = (await this.control('GET', '/__mock/log')) as LoggedRequest[] | { data: LoggedRequest[] };
		return Array.isArray(answer) ? answer : answer.data;
	}

	/** Creates tickets through the API itself, 100 per request. */
	async seedTickets(count: number, clientId: number): Promise<void> {
		for (let start = 0; start < count; start += 100) {
			const records = Array.from({ length: Math.min(100, count - start) }, (_, n) => ({ summary: `Listed ${start + n}`, client_id: clientId }));
			await this.postRecords('Tickets', records);
		}
	}

	/** Creates clients through the API (HaloPSA gives each a main site and a General User). */
	async seedClients(names: string[]): Promise<void> {
		for (let start = 0; start < names.length; start += 100) {
			await this.postRecords('Client', names.slice(start, start + 100).map((name) => ({ name, toplevel_id: 2 })));
		}
	}

	private async postRecords(resource: string, records: object[]): Promise<void> {
		const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET, scope: 'all' });
		this.seedingToken ??= ((await (await fetch(`${this.url}/auth/token`, { method: 'POST', body: form })).json()) as { access_token: string }).access_token;
		const response = await fetch(`${this.url}/api/${resource}?returnall=true`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${this.seedingToken}`, 'Content-Type': 'application/json' },
			body: JSON.stringify(records),
		});
		if (response.status !== 201) throw new Error(`seeding ${resource} answered ${response.status}: ${await response.text()}`);
	}
}
