/**
 * Memory under load: BENCH_MEMORY_ITEMS alerts (e.g. 10,000) about 50 customers, 20 % repeats,
 * through HaloPSA → Alert → Raise Ticket as one execution of n8n's workflow engine, with this
 * process's RSS and heap sampled while it runs. The fake HaloPSA runs in its own process, so the
 * tickets it stores are not counted. Optional (a minute or more): only when BENCH_MEMORY_ITEMS is set.
 */
import type { IDataObject } from 'n8n-workflow';

import { RAISE_TICKET_PARAMETERS, stormAlerts, stormCustomerNames } from './alertStorm';
import { measure, n8nFor, type MemoryPeak, type ScenarioResult } from './lib';
import { RemoteHalo } from './remoteHalo';

const SAMPLE_EVERY_MS = 25;
const MIB = 2 ** 20;

/** Samples process.memoryUsage() while `work` runs; the peaks and the level before it started. */
async function samplingMemory(work: () => Promise<void>): Promise<MemoryPeak> {
	const before = process.memoryUsage();
	let peakRss = before.rss;
	let peakHeap = before.heapUsed;
	const sample = () => {
		const now = process.memoryUsage();
		peakRss = Math.max(peakRss, now.rss);
		peakHeap = Math.max(peakHeap, now.heapUsed);
	};
	const timer = setInterval(sample, SAMPLE_EVERY_MS);
	try {
		await work();
	} finally {
		clearInterval(timer);
		sample();
	}
	const mib = (bytes: number) => Math.round(bytes / MIB);
	return { rssBeforeMiB: mib(before.rss), peakRssMiB: mib(peakRss), heapBeforeMiB: mib(before.heapUsed), peakHeapUsedMiB: mib(peakHeap) };
}

export async function memoryUnderLoad(items: number): Promise<ScenarioResult[]> {
	const halo = new RemoteHalo();
	await halo.start();
	try {
		const customers = stormCustomerNames();
		await halo.seedClients(customers);
		const alerts = stormAlerts(customers, items);
		const n8n = n8nFor(halo.url);
		await halo.clearLog();
		let memory: MemoryPeak | undefined;
		let created = 0;
		const result = await measure(halo, `Memory: ${items} alerts in one execution`, 'Alert → Raise Ticket', items, async () => {
			memory = await samplingMemory(async () => {
				const run = await n8n.run({ parameters: RAISE_TICKET_PARAMETERS, items: alerts as IDataObject[] });
				if (run.error) throw run.error;
				created = run.json.filter((item) => item.action === 'created').length;
			});
		});
		if (!memory) throw new Error('no memory samples');
		result.memory = memory;
		result.notes = `${created} tickets; RSS ${memory.rssBeforeMiB} → peak ${memory.peakRssMiB} MiB, heap used ${memory.heapBeforeMiB} → peak ${memory.peakHeapUsedMiB} MiB`;
		return [result];
	} finally {
		await halo.stop();
	}
}
