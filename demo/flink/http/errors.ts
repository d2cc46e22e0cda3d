// Flink's REST error shape: {"errors": [...]}. Handler errors carry the stringified Java
// exception (class, message, stack trace, causes), as Flink's AbstractHandler sends them.

export const REST_HANDLER_EXCEPTION = 'org.apache.flink.runtime.rest.handler.RestHandlerException';
export const NOT_FOUND_EXCEPTION = 'org.apache.flink.runtime.rest.NotFoundException';

export interface JavaCause {
  exceptionClass: string;
  message: string;
  frames?: readonly string[];
}

export type ErrorKind = 'handler' | 'router' | 'internal';

export class RestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly opts: {
      kind?: ErrorKind;
      exceptionClass?: string;
      frames?: readonly string[];
      causes?: readonly JavaCause[];
    } = {},
  ) {
    super(message);
  }
}

const HANDLER_FRAMES = [
  'org.apache.flink.runtime.rest.handler.AbstractRestHandler.respondToRequest(AbstractRestHandler.java:83)',
  'org.apache.flink.runtime.rest.handler.AbstractHandler.respondAsLeader(AbstractHandler.java:196)',
  'org.apache.flink.runtime.rest.handler.LeaderRetrievalHandler.lambda$channelRead0$0(LeaderRetrievalHandler.java:88)',
  'java.base/java.util.Optional.ifPresent(Optional.java:178)',
  'org.apache.flink.util.OptionalConsumer.ifPresent(OptionalConsumer.java:45)',
  'org.apache.flink.runtime.rest.handler.LeaderRetrievalHandler.channelRead0(LeaderRetrievalHandler.java:85)',
  'org.apache.flink.runtime.rest.handler.LeaderRetrievalHandler.channelRead0(LeaderRetrievalHandler.java:50)',
  'org.apache.flink.shaded.netty4.io.netty.channel.SimpleChannelInboundHandler.channelRead(SimpleChannelInboundHandler.java:99)',
  'org.apache.flink.shaded.netty4.io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead(AbstractChannelHandlerContext.java:444)',
  'org.apache.flink.runtime.rest.handler.router.RouterHandler.routed(RouterHandler.java:115)',
  'org.apache.flink.runtime.rest.handler.router.RouterHandler.channelRead0(RouterHandler.java:94)',
  'org.apache.flink.shaded.netty4.io.netty.util.concurrent.SingleThreadEventExecutor$4.run(SingleThreadEventExecutor.java:997)',
  'org.apache.flink.shaded.netty4.io.netty.util.internal.ThreadExecutorMap$2.run(ThreadExecutorMap.java:74)',
  'java.base/java.lang.Thread.run(Thread.java:840)',
];

const ASYNC_FRAMES = [
  'java.base/java.util.concurrent.CompletableFuture.uniApplyNow(CompletableFuture.java:680)',
  'java.base/java.util.concurrent.CompletableFuture.uniApplyStage(CompletableFuture.java:658)',
  'java.base/java.util.concurrent.CompletableFuture.thenApply(CompletableFuture.java:2094)',
  'org.apache.flink.runtime.rest.handler.AbstractRestHandler.respondToRequest(AbstractRestHandler.java:83)',
  'org.apache.flink.runtime.rest.handler.AbstractHandler.respondAsLeader(AbstractHandler.java:196)',
  'java.base/java.lang.Thread.run(Thread.java:840)',
];

function stringify(
  exceptionClass: string,
  message: string,
  frames: readonly string[],
  causes: readonly JavaCause[],
) {
  let s = `${exceptionClass}: ${message}\n${frames.map((f) => `\tat ${f}`).join('\n')}`;
  for (const c of causes) {
    const cf = c.frames ?? ASYNC_FRAMES.slice(0, 3);
    s += `\nCaused by: ${c.exceptionClass}: ${c.message}\n${cf.map((f) => `\tat ${f}`).join('\n')}\n\t... ${HANDLER_FRAMES.length} more`;
  }
  return s;
}

/** The JSON body Flink sends for this error. */
export function errorBody(err: RestError): { errors: string[] } {
  const kind = err.opts.kind ?? 'handler';
  if (kind === 'router') return { errors: [err.message] };
  const exceptionClass = err.opts.exceptionClass ?? REST_HANDLER_EXCEPTION;
  const trace = stringify(
    exceptionClass,
    err.message,
    err.opts.frames ?? HANDLER_FRAMES,
    err.opts.causes ?? [],
  );
  if (kind === 'internal') {
    return {
      errors: [
        'Internal server error.',
        `<Exception on server side:\n${trace}\nEnd of exception on server side>`,
      ],
    };
  }
  return { errors: [trace] };
}

export function notFound(message: string, causes: readonly JavaCause[] = []): RestError {
  return new RestError(404, message, { exceptionClass: NOT_FOUND_EXCEPTION, frames: ASYNC_FRAMES, causes });
}

export function badRequest(message: string, causes: readonly JavaCause[] = []): RestError {
  return new RestError(400, message, { causes });
}

/** "Job X not found", as the execution-graph based handlers answer for an unknown job. */
export function jobNotFound(jobId: string): RestError {
  return notFound(`Job ${jobId} not found`, [
    {
      exceptionClass: 'org.apache.flink.runtime.messages.FlinkJobNotFoundException',
      message: `Could not find Flink job (${jobId})`,
      frames: [
        'org.apache.flink.runtime.dispatcher.Dispatcher.lambda$requestExecutionGraphInfo$33(Dispatcher.java:1054)',
        'java.base/java.util.Optional.orElseThrow(Optional.java:403)',
        'org.apache.flink.runtime.dispatcher.Dispatcher.requestExecutionGraphInfo(Dispatcher.java:1051)',
      ],
    },
  ]);
}

/** Unknown GET path: the web UI's static file handler answers (no stack trace). */
export function staticFileNotFound(path: string): RestError {
  return new RestError(404, `Unable to load requested file ${path}.`, { kind: 'router' });
}

/** Unknown URL for other methods: Flink's router answers without a stack trace. */
export function routeNotFound(uri: string): RestError {
  return new RestError(404, `Not found: ${uri}`, { kind: 'router' });
}

/** A non-REST exception thrown by a handler: Flink answers 500 with two messages. */
export function internalError(exceptionClass: string, message: string): RestError {
  return new RestError(500, message, { kind: 'internal', exceptionClass });
}
