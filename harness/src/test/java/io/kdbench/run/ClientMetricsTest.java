package io.kdbench.run;

import io.kdbench.api.MetricResult;
import io.kdbench.data.Sample;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientMetricsTest {
    private static Sample sample(String id, String client) {
        return Sample.of(id, Map.of()).withClient(client);
    }

    @Test
    void averagesEachClientsCases() {
        List<Sample> test = List.of(sample("a", "client-0"), sample("b", "client-0"), sample("c", "client-1"));
        MetricResult dice = new MetricResult("dice", Map.of(), Map.of(
                "a", Map.of("1", 0.8, "2", 0.6),
                "b", Map.of("mean", 0.5, "1", 0.9),
                "c", Map.of("1", Double.NaN, "2", 0.4)), "");
        Map<String, Map<String, Double>> out = ClientMetrics.of(test, Map.of("dice", dice));
        assertEquals((0.7 + 0.5) / 2, out.get("client-0").get("dice"), 1e-12);
        assertEquals(0.4, out.get("client-1").get("dice"), 1e-12);
        assertTrue(ClientMetrics.of(List.of(sample("a", null)), Map.of("dice", dice)).isEmpty());
    }
}
