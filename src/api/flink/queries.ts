/** Every Flink query hook, by area. The first page imports only queries-config.ts directly. */
export * from './queries-config';
export * from './queries-cluster';
export * from './queries-jobs';
export * from './queries-checkpoints';
export * from './queries-vertices';
export * from './queries-taskmanagers';
export * from './queries-jobmanager';
export * from './queries-jars';
export * from './operations';
export * from './queries-rescales';
