/** Progress lines for the long steps (installs take minutes the first time). */

export function say(message: string): void {
	console.log(`» ${message}`);
}

/** Runs `work`, saying what it does before and how long it took after. */
export async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
	const started = Date.now();
	say(`${label}…`);
	const result = await work();
	say(`${label}: done in ${seconds(Date.now() - started)}`);
	return result;
}

export function seconds(ms: number): string {
	return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
