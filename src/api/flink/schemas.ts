/*
 * Schemas mirror Flink's JSON exactly (kebab-case keys and all). Unknown extra fields are
 * tolerated (stripped); wrong types are rejected with the field's path. Fields that Flink 2.x
 * added, or that real clusters omit, are optional so Flink 1.18-1.20 answers validate too.
 * The schemas live in ./schemas/ by area; this file keeps the one import path.
 */
export * from './schemas/index';
