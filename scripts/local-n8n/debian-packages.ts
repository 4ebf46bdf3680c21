/**
 * Programs that come from Debian's packages (PostgreSQL, Redis for n8n's queue mode): found where
 * the package puts them, and installed with apt-get when missing and this process is root. They are
 * never started as system services here: the caller runs them as plain processes.
 */
import * as fs from 'fs';
import * as path from 'path';

import { runCommand } from './processes';
import { say, seconds } from './progress';

export interface DebianProgram {
	/** e.g. `redis-server`; shown in messages. */
	name: string;
	/** The Debian package that provides it. */
	debianPackage: string;
	/** Where the program is once the package is installed; undefined while it is not. */
	locate(): string | undefined;
}

/** The first of `candidates` that exists and is executable. */
export function firstExecutable(candidates: string[]): string | undefined {
	return candidates.find((candidate) => {
		try {
			fs.accessSync(candidate, fs.constants.X_OK);
			return true;
		} catch {
			return false;
		}
	});
}

/** `name` in one of the PATH's folders. */
export function onPath(name: string): string | undefined {
	return firstExecutable((process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((folder) => path.join(folder, name)));
}

export function isRoot(): boolean {
	return process.getuid?.() === 0;
}

const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
// Another apt-get (e.g. CI installing chromium) may hold the lock for a while.
const APT_OPTIONS = ['-y', '-qq', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=600'];

async function aptGet(args: string[]): Promise<boolean> {
	const result = await runCommand({
		name: `apt-get ${args[0]}`,
		command: 'apt-get',
		args,
		env: APT_ENV,
		timeoutMs: 15 * 60_000,
		allowFailure: true,
	});
	return result.code === 0;
}

/**
 * Returns where each program is, installing the missing ones' packages with apt-get first (as
 * root; otherwise it fails saying what to install). The package lists are refreshed only when an
 * install from the current lists fails.
 */
export async function ensureDebianPrograms(programs: DebianProgram[]): Promise<string[]> {
	const missing = programs.filter((program) => !program.locate());
	if (missing.length > 0) {
		const packages = missing.map((program) => program.debianPackage);
		if (!isRoot()) {
			throw new Error(`${missing.map((program) => program.name).join(' and ')} not found: install ${packages.join(' ')} (apt-get install ${packages.join(' ')})`);
		}
		const started = Date.now();
		say(`Installing ${packages.join(', ')} with apt-get…`);
		const installed =
			(await aptGet(['install', ...APT_OPTIONS, ...packages])) ||
			((await aptGet(['update', '-qq', '-o', 'DPkg::Lock::Timeout=600'])) && (await aptGet(['install', ...APT_OPTIONS, ...packages])));
		if (!installed) throw new Error(`apt-get could not install ${packages.join(' ')}`);
		say(`Installed ${packages.join(', ')} in ${seconds(Date.now() - started)}`);
	}
	return programs.map((program) => {
		const found = program.locate();
		if (!found) throw new Error(`${program.name} is still missing after installing ${program.debianPackage}`);
		return found;
	});
}
