package streamdash.jobs;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Finite job: fromSequence(1..N) -> Square -> keyBy(bucket) -> Sum per bucket -> Discard sink.
 * Finishes within a few seconds.
 *
 * <p>Arguments: --count N (default 100000), --parallelism N (default 2).
 */
public class BoundedJob {

    static final class Square implements MapFunction<Long, Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<Long, Long> map(Long v) {
            return Tuple2.of(v % 10, v * v);
        }
    }

    static final class Sum implements ReduceFunction<Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<Long, Long> reduce(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
            return Tuple2.of(a.f0, a.f1 + b.f1);
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(args.getInt("parallelism", 2));

        env.fromSequence(1, args.getLong("count", 100_000L))
                .name("Sequence source")
                .uid("sequence-source")
                .map(new Square())
                .returns(Types.TUPLE(Types.LONG, Types.LONG))
                .name("Square")
                .uid("square")
                .keyBy(t -> t.f0, Types.LONG)
                .reduce(new Sum())
                .name("Sum per bucket")
                .uid("sum-per-bucket")
                .sinkTo(new DiscardingSink<>())
                .name("Discard sink")
                .uid("discard-sink");

        env.execute(args.get("name", "streamdash BoundedJob"));
    }
}
