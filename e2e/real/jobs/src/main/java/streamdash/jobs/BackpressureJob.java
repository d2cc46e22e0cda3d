package streamdash.jobs;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Job with a deliberately slow operator, so that its upstream vertex is back-pressured.
 *
 * <p>Fast source -> Parse (one vertex) -> rebalance -> Slow enrichment (Thread.sleep per record, its
 * own vertex) -> rebalance -> Discard sink (its own vertex). Uses unaligned checkpoints so that
 * checkpoints complete despite full network buffers; "Parse" flushes only full buffers.
 *
 * <p>Arguments: --sleepMs N (default 5: slow enough that the source is back-pressured even when the
 * machine is CPU-starved), --parallelism N (default 2), --interval MS (default 2000).
 */
public class BackpressureJob {

    static final class Lines implements GeneratorFunction<Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String map(Long i) {
            return "event-" + i + ",sensor-" + (i % 50) + "," + (i * 13 % 1000);
        }
    }

    static final class Parse implements MapFunction<String, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(String line) {
            int comma = line.lastIndexOf(',');
            return Long.parseLong(line.substring(comma + 1));
        }
    }

    static final class SlowEnrichment implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final long sleepMs;

        SlowEnrichment(long sleepMs) {
            this.sleepMs = sleepMs;
        }

        @Override
        public Long map(Long value) throws Exception {
            // off-CPU on purpose: simulates a slow external lookup
            Thread.sleep(sleepMs);
            return value * 2;
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(args.getInt("parallelism", 2));
        env.enableCheckpointing(args.getLong("interval", 2000L));
        env.getCheckpointConfig().enableUnalignedCheckpoints();

        DataGeneratorSource<String> source =
                new DataGeneratorSource<>(new Lines(), Long.MAX_VALUE, Types.STRING);

        env.fromSource(source, WatermarkStrategy.noWatermarks(), "Fast source")
                .uid("fast-source")
                .map(new Parse())
                .name("Parse")
                .uid("parse")
                // flush only full buffers: the source then wakes up once per freed buffer, not every
                // 100 ms, and stays back-pressured (not "busy") even on a CPU-starved machine
                .setBufferTimeout(-1)
                .rebalance()
                .map(new SlowEnrichment(args.getLong("sleepMs", 5L)))
                .name("Slow enrichment")
                .uid("slow-enrichment")
                .disableChaining()
                .rebalance()
                .sinkTo(new DiscardingSink<>())
                .name("Discard sink")
                .uid("discard-sink");

        env.execute(args.get("name", "streamdash BackpressureJob"));
    }
}
