/**
 * This package as users get it: built, packed with `npm pack`, and installed into an n8n user folder
 * the way n8n's own community-package installer does it (n8n 2.41 `CommunityPackagesService`):
 * the tarball is unpacked into `<user folder>/.n8n/nodes/node_modules/<name>`, its dev, peer and
 * optional dependencies are removed from its package.json (so no second n8n-workflow is installed
 * beside n8n's), and `.n8n/nodes/package.json` lists it.
 */
import * as fs from 'fs';
import * as path from 'path';

import { REPO_ROOT } from './paths';
import { runCommand } from './processes';

export const PACKAGE_NAME: string = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).name;

/** `npm run build`: the tarball must hold what the sources say now. */
export async function buildPackage(): Promise<void> {
	await runCommand({ name: 'npm run build', command: 'npm', args: ['run', 'build'], cwd: REPO_ROOT, timeoutMs: 5 * 60_000 });
}

/** `npm pack` into `destination`; returns the tarball's path. */
export async function packPackage(destination: string): Promise<string> {
	fs.mkdirSync(destination, { recursive: true });
	const result = await runCommand({
		name: 'npm pack',
		command: 'npm',
		args: ['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
		cwd: REPO_ROOT,
		timeoutMs: 2 * 60_000,
	});
	const [packed] = JSON.parse(result.stdout) as Array<{ filename: string }>;
	return path.join(destination, packed.filename);
}

/** Installs the tarball as n8n's community-package installer would; returns the package folder. */
export async function installCommunityPackage(tarball: string, userFolder: string): Promise<string> {
	const nodesFolder = path.join(userFolder, '.n8n', 'nodes');
	const packageFolder = path.join(nodesFolder, 'node_modules', PACKAGE_NAME);
	fs.rmSync(packageFolder, { recursive: true, force: true });
	fs.mkdirSync(packageFolder, { recursive: true });
	await runCommand({
		name: 'unpack the package tarball',
		command: 'tar',
		args: ['-xzf', tarball, '-C', packageFolder, '--strip-components=1'],
		timeoutMs: 60_000,
	});

	const manifestPath = path.join(packageFolder, 'package.json');
	const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
	for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete manifest[field];
	// n8n would `npm install` runtime dependencies here; a community package must have none.
	if (manifest.dependencies && Object.keys(manifest.dependencies).length > 0) {
		throw new Error(`${PACKAGE_NAME} declares runtime dependencies (${Object.keys(manifest.dependencies).join(', ')}); community packages must not`);
	}
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));

	const listPath = path.join(nodesFolder, 'package.json');
	const list = fs.existsSync(listPath) ? JSON.parse(fs.readFileSync(listPath, 'utf8')) : { name: 'installed-nodes', private: true };
	list.dependencies = { ...list.dependencies, [PACKAGE_NAME]: manifest.version };
	fs.writeFileSync(listPath, JSON.stringify(list, null, 2));
	return packageFolder;
}

/** Builds the package and packs it into `destination`; returns the tarball's path. */
export async function buildAndPack(destination: string): Promise<string> {
	await buildPackage();
	return await packPackage(destination);
}

/** Builds and packs the package (the tarball into `tarballFolder`) and installs it into `userFolder`. */
export async function buildAndInstall(tarballFolder: string, userFolder: string): Promise<string> {
	return await installCommunityPackage(await buildAndPack(tarballFolder), userFolder);
}
