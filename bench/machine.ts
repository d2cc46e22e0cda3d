import os from 'node:os';
import { readFileSync } from 'node:fs';

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  loadAverage: [number, number, number];
  memoryTotal: number;
  memoryAvailable: number;
  os: string;
  node: string;
  chromium?: string;
}

/** MemAvailable from /proc/meminfo where there is one (os.freemem() ignores the page cache). */
function availableMemory(): number {
  try {
    const m = /MemAvailable:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  return os.freemem();
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100) as [number, number, number],
    memoryTotal: os.totalmem(),
    memoryAvailable: availableMemory(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}
