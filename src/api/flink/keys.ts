/** Hierarchical query keys: invalidating a cluster or a job clears everything below it. */
export const flinkKeys = {
  all: ['flink'] as const,
  cluster: (c: string) => [...flinkKeys.all, c] as const,
  config: (c: string) => [...flinkKeys.cluster(c), 'config'] as const,
  overview: (c: string) => [...flinkKeys.cluster(c), 'overview'] as const,
  jobsOverview: (c: string) => [...flinkKeys.cluster(c), 'jobs-overview'] as const,
  job: (c: string, jobId: string) => [...flinkKeys.cluster(c), 'jobs', jobId] as const,
};
