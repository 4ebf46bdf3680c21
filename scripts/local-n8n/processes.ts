/**
 * Child processes for the local n8n: one-shot commands with a timeout, long-running services that
 * are always stopped (on success, on failure, on Ctrl-C), free ports, and waiting with a deadline.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';

/** How much of a process's output is kept in memory for error messages. */
const OUTPUT_TAIL_CHARS = 6000;

export interface ProcessOptions {
	/** Shown in progress and error messages, e.g. "n8n start". */
	name: string;
	command: string;
	args: string[];
	env?: NodeJS.ProcessEnv;
	cwd?: string;
	/** Every byte the process writes goes here too (appended). */
	logFile?: string;
	/**
	 * Standard output goes to this file instead of a pipe. A process that exits right after a large
	 * write (`n8n execute` printing a big run record) loses its end on a pipe; Node.js writes to
	 * files synchronously. Read when the process has ended (also into the log and the output tail).
	 */
	stdoutFile?: string;
}

export class ProcessFailedError extends Error {
	constructor(
		message: string,
		readonly output: string,
	) {
		super(`${message}\n--- last output ---\n${output.trim()}`);
		this.name = 'ProcessFailedError';
	}
}

class OutputTail {
	private text = '';
	add(chunk: Buffer): void {
		this.text = (this.text + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
	}
	toString(): string {
		return this.text;
	}
}

function spawnLogged(options: ProcessOptions, onOutput: (chunk: Buffer) => void): ChildProcess {
	const log = options.logFile ? fs.createWriteStream(options.logFile, { flags: 'a' }) : undefined;
	const stdoutFile = options.stdoutFile === undefined ? undefined : fs.openSync(options.stdoutFile, 'w');
	let child: ChildProcess;
	try {
		// A process group of its own: stopping it also stops what it started (n8n's task runner).
		child = spawn(options.command, options.args, {
			cwd: options.cwd,
			env: options.env ?? cleanEnv(),
			stdio: ['ignore', stdoutFile ?? 'pipe', 'pipe'],
			detached: true,
		});
	} finally {
		// The child has its own copy of the descriptor.
		if (stdoutFile !== undefined) fs.closeSync(stdoutFile);
	}
	const record = (chunk: Buffer) => {
		log?.write(chunk);
		onOutput(chunk);
	};
	for (const stream of [child.stdout, child.stderr]) stream?.on('data', record);
	child.on('close', () => {
		if (options.stdoutFile !== undefined && fs.existsSync(options.stdoutFile)) record(fs.readFileSync(options.stdoutFile));
		log?.end();
	});
	return child;
}

/**
 * This process's environment without the variables `npm run` adds: `npm_config_local_prefix` and
 * the project's `.npmrc` values would otherwise steer npm commands run in other folders.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// Already gone.
	}
}

async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
	killGroup(child, 'SIGTERM');
	const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
	await closed;
	clearTimeout(timer);
}

/** Stops every service started through this module (also called on exit and on Ctrl-C). */
export async function stopAllProcesses(): Promise<void> {
	await Promise.all([...running].map((child) => stopChild(child, 10_000)));
}

let exitHandlersInstalled = false;
let stoppingOnSignal = false;

/** Whether Ctrl-C (or another stop signal) is stopping everything right now. */
export function stoppingForSignal(): boolean {
	return stoppingOnSignal;
}

function installExitHandlers(): void {
	if (exitHandlersInstalled) return;
	exitHandlersInstalled = true;
	// Last resort when the script ends without stopping its services: nothing may outlive it.
	process.on('exit', () => running.forEach((child) => killGroup(child, 'SIGKILL')));
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			stoppingOnSignal = true;
			console.log(`\n${signal}: stopping…`);
			void stopAllProcesses().finally(() => process.exit(130));
		});
	}
}

export interface RunningProcess {
	readonly name: string;
	readonly pid: number | undefined;
	/** Resolves with the exit code (null when killed by a signal). */
	readonly exited: Promise<number | null>;
	hasExited(): boolean;
	output(): string;
	stop(): Promise<void>;
}

/** Starts a long-running service; it is stopped with `stop()`, `stopAllProcesses()` or on exit. */
export function startProcess(options: ProcessOptions): RunningProcess {
	installExitHandlers();
	const tail = new OutputTail();
	const child = spawnLogged(options, (chunk) => tail.add(chunk));
	running.add(child);
	let exitedFlag = false;
	const exited = new Promise<number | null>((resolve) => {
		child.on('error', (error) => {
			tail.add(Buffer.from(`${error.message}\n`));
			exitedFlag = true;
			running.delete(child);
			resolve(null);
		});
		child.on('close', (code) => {
			exitedFlag = true;
			running.delete(child);
			resolve(code);
		});
	});
	return {
		name: options.name,
		pid: child.pid,
		exited,
		hasExited: () => exitedFlag,
		output: () => tail.toString(),
		stop: async () => {
			await stopChild(child, 10_000);
			running.delete(child);
		},
	};
}

export interface CommandResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/**
 * Runs a command to its end and returns its output. Fails with the output's tail when it exits
 * non-zero (unless `allowFailure`) or takes longer than `timeoutMs`.
 */
export async function runCommand(
	options: ProcessOptions & { timeoutMs: number; allowFailure?: boolean },
): Promise<CommandResult> {
	installExitHandlers();
	let stdout = '';
	let stderr = '';
	const tail = new OutputTail();
	const child = spawnLogged(options, (chunk) => tail.add(chunk));
	child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	running.add(child);
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		void stopChild(child, 5_000);
	}, options.timeoutMs);
	try {
		const code = await new Promise<number | null>((resolve, reject) => {
			child.on('error', reject);
			child.on('close', resolve);
		});
		if (options.stdoutFile !== undefined && fs.existsSync(options.stdoutFile)) stdout = fs.readFileSync(options.stdoutFile, 'utf8');
		if (timedOut) {
			throw new ProcessFailedError(`${options.name} did not finish within ${Math.round(options.timeoutMs / 1000)} s`, tail.toString());
		}
		if (code !== 0 && !options.allowFailure) {
			throw new ProcessFailedError(`${options.name} failed (exit code ${code})`, tail.toString());
		}
		return { code, stdout, stderr };
	} finally {
		clearTimeout(timer);
		running.delete(child);
	}
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** Whether `port` on 127.0.0.1 can be listened on. */
export async function isPortFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.unref();
		server.on('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` until it returns a value other than undefined. Fails after `timeoutMs` with `what`
 * in the message, or at once when `process` (the thing being waited for) exits.
 */
export async function waitUntil<T>(
	what: string,
	check: () => Promise<T | undefined>,
	options: { timeoutMs: number; intervalMs?: number; process?: RunningProcess },
): Promise<T> {
	const deadline = Date.now() + options.timeoutMs;
	let lastError: unknown;
	for (;;) {
		if (options.process?.hasExited()) {
			throw new ProcessFailedError(`${options.process.name} exited while waiting for ${what}`, options.process.output());
		}
		try {
			const value = await check();
			if (value !== undefined) return value;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() > deadline) {
			const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
			const message = `Timed out after ${Math.round(options.timeoutMs / 1000)} s waiting for ${what}${reason}`;
			throw options.process ? new ProcessFailedError(message, options.process.output()) : new Error(message);
		}
		await sleep(options.intervalMs ?? 500);
	}
}
