/**
 * A throwaway Redis (Debian's `redis-server`) on 127.0.0.1 and a free port, for n8n's queue mode:
 * no persistence, its folder in the system's temporary folder, removed when it stops.
 */
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

import { onPath, type DebianProgram } from './debian-packages';
import { freePort, startProcess, waitUntil } from './processes';

export const REDIS_SERVER: DebianProgram = {
	name: 'redis-server',
	debianPackage: 'redis-server',
	locate: () => onPath('redis-server') ?? (fs.existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : undefined),
};

export interface RedisServer {
	host: string;
	port: number;
	stop(): Promise<void>;
}

/** Sends PING, resolves with what Redis answered. */
function ping(port: number): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.setTimeout(2000, () => socket.destroy(new Error('no answer to PING')));
		socket.once('error', reject);
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (chunk) => {
			resolve(chunk.toString().trim());
			socket.end();
		});
	});
}

export async function startRedis(program: string, logFile: string): Promise<RedisServer> {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'halopsa-redis-'));
	const port = await freePort();
	const redis = startProcess({
		name: 'redis-server',
		command: program,
		args: ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', folder, '--protected-mode', 'yes'],
		logFile,
	});
	const stop = async () => {
		await redis.stop();
		fs.rmSync(folder, { recursive: true, force: true });
	};
	try {
		await waitUntil(`Redis on port ${port}`, async () => ((await ping(port)) === '+PONG' ? true : undefined), { timeoutMs: 30_000, intervalMs: 200, process: redis });
	} catch (error) {
		await stop();
		throw error;
	}
	return { host: '127.0.0.1', port, stop };
}
