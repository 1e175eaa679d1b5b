package io.kdbench.spark;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkSettingsTest {
    @Test
    void localMastersGetTheTaskRetriesThatLocalModeOtherwiseIgnores() {
        assertEquals("local[2,4]", SparkSettings.master("local[2]", 4));
        assertEquals("local[*,3]", SparkSettings.master("local[*]", 3));
        assertEquals("local[1,4]", SparkSettings.master("local", 4));
        assertEquals("local[2,7]", SparkSettings.master("local[2,7]", 4), "an explicit local[N,F] is kept");
        assertEquals("spark://head:7077", SparkSettings.master("spark://head:7077", 4));
        assertEquals("yarn", SparkSettings.master("yarn", 4));
        assertEquals("k8s://https://api:6443", SparkSettings.master("k8s://https://api:6443", 4));
    }

    @Test
    void aMasterSparkCannotParseIsBadInputNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkSettings.master("lcoal[2]", 4));
        assertTrue(e.getMessage().contains("lcoal[2]") && e.getMessage().contains("local[N]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparkSettings.master(" ", 4));
    }

    @Test
    void executorsGetTheDriversDeterministicSettingsUnlessConfigured() {
        SparkConf conf = new SparkConf(false).set("spark.executorEnv.OPENBLAS_CORETYPE", "Zen");
        SparkSettings.shareComputeSettings(conf, Map.of("OMP_NUM_THREADS", "1", "DNNL_MAX_CPU_ISA", "AVX2",
                "OPENBLAS_CORETYPE", "Haswell", "HOME", "/root"), "-onednn-avx2");
        assertEquals("1", conf.get("spark.executorEnv.OMP_NUM_THREADS"));
        assertEquals("AVX2", conf.get("spark.executorEnv.DNNL_MAX_CPU_ISA"));
        assertEquals("Zen", conf.get("spark.executorEnv.OPENBLAS_CORETYPE"), "the configuration's own value wins");
        assertTrue(!conf.contains("spark.executorEnv.HOME"), "only what decides the bits");
        assertEquals("-Djavacpp.platform.extension=-onednn-avx2", conf.get("spark.executor.extraJavaOptions"));
    }

    @Test
    void taskAttemptsComeFromSparksSetting() {
        assertEquals(4, SparkSettings.attempts(new SparkConf(false)));
        assertEquals(2, SparkSettings.attempts(new SparkConf(false).set("spark.task.maxFailures", "2")));
        assertThrows(IllegalArgumentException.class,
                () -> SparkSettings.attempts(new SparkConf(false).set("spark.task.maxFailures", "0")));
    }
}
