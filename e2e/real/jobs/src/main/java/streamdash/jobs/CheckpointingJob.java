package streamdash.jobs;

import java.time.Duration;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

/**
 * Unbounded, stateful, event-time job that checkpoints every second.
 *
 * <p>Orders source (rate limited) -> Enrich -> keyBy(customer) -> Sum per key (keyed ValueState +
 * event-time timers) -> Discard sink.
 *
 * <p>Arguments: --rate N (records per second over all subtasks, default 200), --parallelism N
 * (default 2), --interval MS (checkpoint interval, default 1000).
 */
public class CheckpointingJob {

    /** (customer, amount, eventTime). */
    static final TypeInformation<Tuple3<String, Long, Long>> ORDER =
            Types.TUPLE(Types.STRING, Types.LONG, Types.LONG);

    /** (customer, amount, eventTime, region). */
    static final TypeInformation<Tuple4<String, Long, Long, String>> ENRICHED =
            Types.TUPLE(Types.STRING, Types.LONG, Types.LONG, Types.STRING);

    static final class OrderGenerator implements GeneratorFunction<Long, Tuple3<String, Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple3<String, Long, Long> map(Long i) {
            long now = System.currentTimeMillis();
            // slightly out of order event times: up to 300 ms late
            long eventTime = now - (i * 7919 % 300);
            return Tuple3.of("customer-" + (i % 16), 1 + (i * 31 % 100), eventTime);
        }
    }

    static final class Enrich
            extends RichMapFunction<Tuple3<String, Long, Long>, Tuple4<String, Long, Long, String>> {
        private static final long serialVersionUID = 1L;
        private transient LongCounter enriched;
        private transient Counter enrichedMetric;

        @Override
        public void open(OpenContext openContext) {
            enriched = new LongCounter();
            getRuntimeContext().addAccumulator("orders-enriched", enriched);
            enrichedMetric = getRuntimeContext().getMetricGroup().counter("ordersEnriched");
        }

        @Override
        public Tuple4<String, Long, Long, String> map(Tuple3<String, Long, Long> o) {
            enriched.add(1L);
            enrichedMetric.inc();
            String region = (o.f0.hashCode() & 1) == 0 ? "EMEA" : "AMER";
            return Tuple4.of(o.f0, o.f1, o.f2, region);
        }
    }

    /** Running sum per customer in keyed state; emits the sum when an event-time timer fires. */
    static final class SumPerKey
            extends KeyedProcessFunction<String, Tuple4<String, Long, Long, String>, Tuple3<String, Long, Long>> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> sum;

        @Override
        public void open(OpenContext openContext) {
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
        }

        @Override
        public void processElement(
                Tuple4<String, Long, Long, String> value,
                Context ctx,
                Collector<Tuple3<String, Long, Long>> out)
                throws Exception {
            Long current = sum.value();
            long next = (current == null ? 0L : current) + value.f1;
            sum.update(next);
            // one timer per key and second of event time
            ctx.timerService().registerEventTimeTimer((value.f2 / 1000) * 1000 + 999);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple3<String, Long, Long>> out)
                throws Exception {
            Long current = sum.value();
            out.collect(Tuple3.of(ctx.getCurrentKey(), current == null ? 0L : current, timestamp));
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(args.getInt("parallelism", 2));
        env.enableCheckpointing(args.getLong("interval", 1000L));

        DataGeneratorSource<Tuple3<String, Long, Long>> source =
                new DataGeneratorSource<>(
                        new OrderGenerator(),
                        Long.MAX_VALUE,
                        RateLimiterStrategy.perSecond(args.getLong("rate", 200L)),
                        ORDER);

        WatermarkStrategy<Tuple3<String, Long, Long>> watermarks =
                WatermarkStrategy.<Tuple3<String, Long, Long>>forBoundedOutOfOrderness(Duration.ofMillis(500))
                        .withTimestampAssigner((order, ts) -> order.f2);

        env.fromSource(source, watermarks, "Orders source")
                .uid("orders-source")
                .map(new Enrich())
                .returns(ENRICHED)
                .name("Enrich")
                .uid("enrich")
                .keyBy(e -> e.f0, Types.STRING)
                .process(new SumPerKey())
                .returns(ORDER)
                .name("Sum per key")
                .uid("sum-per-key")
                .sinkTo(new DiscardingSink<>())
                .name("Discard sink")
                .uid("discard-sink");

        env.execute(args.get("name", "streamdash CheckpointingJob"));
    }
}
