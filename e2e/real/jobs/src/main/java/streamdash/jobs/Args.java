package streamdash.jobs;

import java.util.HashMap;
import java.util.Map;

/** Minimal "--key value" program argument parser shared by the streamdash test workloads. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    private Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                String key = a.substring(2);
                String value = "true";
                int eq = key.indexOf('=');
                if (eq >= 0) {
                    value = key.substring(eq + 1);
                    key = key.substring(0, eq);
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                }
                values.put(key, value);
            }
        }
    }

    static Args parse(String[] args) {
        return new Args(args == null ? new String[0] : args);
    }

    long getLong(String key, long def) {
        String v = values.get(key);
        return v == null ? def : Long.parseLong(v.trim());
    }

    int getInt(String key, int def) {
        String v = values.get(key);
        return v == null ? def : Integer.parseInt(v.trim());
    }

    String get(String key, String def) {
        String v = values.get(key);
        return v == null ? def : v;
    }
}
