import * as z from 'zod/mini';

/* The dashboard's own access endpoints (server/proxy.ts): who am I, and the audit trail. */

export const roleSchema = z.enum(['viewer', 'operator', 'admin']);

export const meSchema = z.object({
  user: z.nullable(z.string()),
  groups: z.array(z.string()),
  via: z.enum(['basic', 'proxy', 'anonymous']),
  role: roleSchema,
  clusterRoles: z.record(z.string(), roleSchema),
});

export const auditEntrySchema = z.object({
  id: z.string(),
  time: z.string(),
  user: z.nullable(z.string()),
  // absent on refusals decided before any role mattered (Host, cross-site, sign-in)
  role: z.optional(z.string()),
  client: z.string(),
  cluster: z.nullable(z.string()),
  method: z.string(),
  path: z.string(),
  action: z.optional(z.string()),
  jobId: z.optional(z.string()),
  body: z.optional(z.unknown()),
  refused: z.optional(z.string()),
  status: z.optional(z.number()),
  response: z.optional(
    z.object({ status: z.number(), durationMs: z.number(), triggerId: z.optional(z.string()) }),
  ),
  result: z.optional(
    z.object({
      state: z.enum(['COMPLETED', 'FAILED']),
      time: z.string(),
      location: z.optional(z.string()),
      failure: z.optional(z.string()),
    }),
  ),
});

export const auditSchema = z.object({ entries: z.array(auditEntrySchema) });
