import * as z from 'zod/mini';

/** `/jars`: jars uploaded to this cluster's web submission directory. */
export const jarListSchema = z.object({
  address: z.string(),
  files: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      uploaded: z.number(),
      /** Entry classes found in the manifest; `description` is null without a program description. */
      entry: z.array(z.object({ name: z.string(), description: z.optional(z.nullable(z.string())) })),
    }),
  ),
});
export type JarList = z.infer<typeof jarListSchema>;

/** `/jars/upload`: `filename` is a server path whose last segment is the jar id. */
export const jarUploadSchema = z.object({ filename: z.string(), status: z.string() });
export type JarUpload = z.infer<typeof jarUploadSchema>;

/** `/jars/:jarid/run`. */
export const jarRunSchema = z.object({ jobid: z.string() });
export type JarRun = z.infer<typeof jarRunSchema>;
