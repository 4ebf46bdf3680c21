/**
 * A throwaway PostgreSQL (Debian's `postgresql`) for n8n: a new cluster (`initdb`) in the system's
 * temporary folder, `postgres` run as a plain process on 127.0.0.1 and a free port, one database
 * for n8n, everything removed when it stops. PostgreSQL refuses to run as root: as root, `initdb`
 * and `postgres` run as the `postgres` user (setpriv, so the server stays this script's child).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { firstExecutable, isRoot, onPath, type DebianProgram } from './debian-packages';
import { freePort, runCommand, startProcess, waitUntil } from './processes';

const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';
/** The system user Debian's package creates; used to run the server when this process is root. */
const POSTGRES_USER = 'postgres';

/** Debian installs each major version under /usr/lib/postgresql/<version>/bin; the newest wins. */
function postgresBinFolder(): string | undefined {
	const versions = fs.existsSync(DEBIAN_POSTGRES_ROOT)
		? fs.readdirSync(DEBIAN_POSTGRES_ROOT).sort((a, b) => Number(b) - Number(a))
		: [];
	const server = firstExecutable(versions.map((version) => path.join(DEBIAN_POSTGRES_ROOT, version, 'bin', 'postgres'))) ?? onPath('postgres');
	return server ? path.dirname(fs.realpathSync(server)) : undefined;
}

export const POSTGRES_SERVER: DebianProgram = {
	name: 'PostgreSQL',
	debianPackage: 'postgresql',
	locate: () => postgresBinFolder(),
};

export interface PostgresDatabase {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
	stop(): Promise<void>;
}

/** The command line that runs `program` as the postgres user when this process is root. */
function asServerUser(program: string, args: string[]): { command: string; args: string[] } {
	if (!isRoot()) return { command: program, args };
	return { command: 'setpriv', args: [`--reuid=${POSTGRES_USER}`, `--regid=${POSTGRES_USER}`, '--init-groups', '--', program, ...args] };
}

/**
 * Starts PostgreSQL from `binFolder` (see POSTGRES_SERVER) with an empty database `n8n` owned by
 * user `n8n`. Durability is off (fsync, synchronous commit): the data is thrown away anyway.
 */
export async function startPostgres(binFolder: string, logFile: string): Promise<PostgresDatabase> {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'halopsa-postgres-'));
	const dataFolder = path.join(folder, 'data');
	const socketFolder = path.join(folder, 'socket');
	fs.mkdirSync(socketFolder);
	const remove = () => fs.rmSync(folder, { recursive: true, force: true });
	const user = 'n8n';
	const port = await freePort();
	const bin = (name: string) => path.join(binFolder, name);
	try {
		if (isRoot()) await runCommand({ name: 'chown', command: 'chown', args: ['-R', `${POSTGRES_USER}:`, folder], timeoutMs: 30_000 });
		const initdb = asServerUser(bin('initdb'), ['-D', dataFolder, '-U', user, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
		await runCommand({ name: 'initdb', ...initdb, logFile, timeoutMs: 2 * 60_000 });
	} catch (error) {
		remove();
		throw error;
	}

	const server = asServerUser(bin('postgres'), [
		'-D', dataFolder,
		'-p', String(port),
		'-c', 'listen_addresses=127.0.0.1',
		'-c', `unix_socket_directories=${socketFolder}`,
		'-c', 'fsync=off',
		'-c', 'synchronous_commit=off',
		'-c', 'full_page_writes=off',
	]);
	const postgres = startProcess({ name: 'postgres', ...server, logFile });
	const stop = async () => {
		await postgres.stop();
		remove();
	};
	try {
		const client = ['-h', '127.0.0.1', '-p', String(port), '-U', user];
		await waitUntil(
			`PostgreSQL on port ${port}`,
			async () => ((await runCommand({ name: 'pg_isready', command: bin('pg_isready'), args: client, timeoutMs: 10_000, allowFailure: true })).code === 0 ? true : undefined),
			{ timeoutMs: 60_000, intervalMs: 300, process: postgres },
		);
		await runCommand({ name: 'createdb', command: bin('createdb'), args: [...client, 'n8n'], logFile, timeoutMs: 30_000 });
	} catch (error) {
		await stop();
		throw error;
	}
	// Trust authentication on loopback: n8n needs some password, any will do.
	return { host: '127.0.0.1', port, database: 'n8n', user, password: 'unused-trust-auth', stop };
}
