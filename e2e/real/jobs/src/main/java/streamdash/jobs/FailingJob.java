package streamdash.jobs;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Job that fails every N records (per subtask, counted since the last (re)start) and is restarted
 * by the cluster's restart strategy. Checkpoints every second.
 *
 * <p>Arguments: --every N (default 2000), --rate N (records per second over all subtasks, default
 * 400), --parallelism N (default 2), --interval MS (default 1000).
 */
public class FailingJob {

    static final class Numbers implements GeneratorFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long i) {
            return i;
        }
    }

    static final class Validate extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final long every;
        private transient long seen;

        Validate(long every) {
            this.every = every;
        }

        @Override
        public Long map(Long value) {
            seen++;
            if (seen % every == 0) {
                throw new RuntimeException("Simulated failure every " + every + " records");
            }
            return value;
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        long every = args.getLong("every", 2000L);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(args.getInt("parallelism", 2));
        env.enableCheckpointing(args.getLong("interval", 1000L));

        DataGeneratorSource<Long> source =
                new DataGeneratorSource<>(
                        new Numbers(),
                        Long.MAX_VALUE,
                        RateLimiterStrategy.perSecond(args.getLong("rate", 400L)),
                        Types.LONG);

        env.fromSource(source, WatermarkStrategy.noWatermarks(), "Numbers source")
                .uid("numbers-source")
                .rebalance()
                .map(new Validate(every))
                .name("Validate")
                .uid("validate")
                .sinkTo(new DiscardingSink<>())
                .name("Discard sink")
                .uid("discard-sink");

        env.execute(args.get("name", "streamdash FailingJob"));
    }
}
