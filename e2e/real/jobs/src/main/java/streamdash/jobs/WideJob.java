package streamdash.jobs;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * A plan of many vertices for the benchmark's "cluster load" figure (issue #10 asks for a 10-vertex
 * running job): Source -> Stage 1 ... Stage N -> Discard sink, every operator its own vertex.
 *
 * <p>Arguments: --stages N (default 8, so 10 vertices), --rate N (records per second, default 100),
 * --parallelism N (default 1: one slot, since all vertices share the default slot-sharing group).
 */
public class WideJob {

    static final class Stage implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            return value + 1;
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(args.getInt("parallelism", 1));
        env.enableCheckpointing(args.getLong("interval", 5000L));

        DataGeneratorSource<Long> source =
                new DataGeneratorSource<>(
                        i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(args.getLong("rate", 100L)), Types.LONG);
        DataStream<Long> stream = env.fromSource(source, WatermarkStrategy.noWatermarks(), "Source").uid("source");
        int stages = args.getInt("stages", 8);
        for (int i = 1; i <= stages; i++) {
            stream = stream.map(new Stage()).name("Stage " + i).uid("stage-" + i).disableChaining();
        }
        stream.sinkTo(new DiscardingSink<>()).name("Discard sink").uid("discard-sink").disableChaining();
        env.execute("Wide job");
    }
}
