/**
 * n8n in queue mode, as MSPs scale it out: one main instance (editor, API, webhooks) that puts
 * executions on a Redis queue, and workers that run them, all sharing one PostgreSQL database and
 * one encryption key. Each process has a user folder of its own with this package installed from
 * its tarball, as on separate machines.
 */
import { randomBytes } from 'crypto';
import * as path from 'path';

import { installCommunityPackage } from './community-package';
import type { N8nInstall } from './n8n-install';
import { N8nUserFolder, type N8nServer, type N8nWorker } from './n8n-instance';
import type { PostgresDatabase } from './postgres-server';
import type { RedisServer } from './redis-server';

export interface QueueModeOptions {
	install: N8nInstall;
	/** This package, packed (`packPackage`). */
	tarball: string;
	/** Holds `main/`, `worker-1/`, … (user folders) and one log file per process. */
	workFolder: string;
	workers: number;
	/** Executions each worker runs at the same time (`n8n worker --concurrency`). */
	concurrency: number;
	database: PostgresDatabase;
	redis: RedisServer;
}

export interface QueueModeWorker {
	name: string;
	logFile: string;
	worker: N8nWorker;
}

export interface QueueModeN8n {
	main: N8nServer;
	mainLogFile: string;
	workers: QueueModeWorker[];
	/** Stops the workers, then the main instance. */
	stop(): Promise<void>;
}

/** The settings every process of the installation shares. */
function sharedSettings(options: QueueModeOptions, encryptionKey: string): Record<string, string> {
	const { database, redis } = options;
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: database.host,
		DB_POSTGRESDB_PORT: String(database.port),
		DB_POSTGRESDB_DATABASE: database.database,
		DB_POSTGRESDB_USER: database.user,
		DB_POSTGRESDB_PASSWORD: database.password,
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		N8N_ENCRYPTION_KEY: encryptionKey,
	};
}

async function userFolderWithPackage(options: QueueModeOptions, name: string, settings: Record<string, string>): Promise<N8nUserFolder> {
	const userFolder = path.join(options.workFolder, name);
	await installCommunityPackage(options.tarball, userFolder);
	return new N8nUserFolder(options.install, userFolder, path.join(options.workFolder, `${name}.log`), settings);
}

/** Starts the main instance (it creates the database tables), then the workers side by side. */
export async function startQueueModeN8n(options: QueueModeOptions): Promise<QueueModeN8n> {
	const settings = sharedSettings(options, randomBytes(24).toString('hex'));
	const mainFolder = await userFolderWithPackage(options, 'main', settings);
	const main = await mainFolder.start();
	const started: QueueModeWorker[] = [];
	const stop = async () => {
		await Promise.all(started.map(({ worker }) => worker.stop()));
		await main.stop();
	};
	try {
		const names = Array.from({ length: options.workers }, (_, index) => `worker-${index + 1}`);
		// allSettled: when one worker fails to start, the others have still finished starting (and are stopped).
		const results = await Promise.allSettled(
			names.map(async (name) => {
				const folder = await userFolderWithPackage(options, name, settings);
				const worker = await folder.startWorker({ concurrency: options.concurrency });
				started.push({ name, logFile: folder.logFile, worker });
			}),
		);
		const failure = results.find((result) => result.status === 'rejected');
		if (failure) throw failure.reason;
	} catch (error) {
		await stop();
		throw error;
	}
	started.sort((a, b) => a.name.localeCompare(b.name));
	return { main, mainLogFile: mainFolder.logFile, workers: started, stop };
}
