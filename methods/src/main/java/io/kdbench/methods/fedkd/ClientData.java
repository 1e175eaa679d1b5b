package io.kdbench.methods.fedkd;

import io.kdbench.data.Sample;
import io.kdbench.methods.train.SegmentationData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One federated client's training pool, in the fixed order of client names. */
record ClientData(String name, SegmentationData data, int samples) {

    /** Groups training samples by {@link Sample#client()}, sorted by name (the simulation's fixed order). */
    static List<ClientData> byClient(List<Sample> train, String modality, int classes, boolean threeD) {
        Map<String, List<Sample>> groups = new TreeMap<>();
        for (Sample s : train) {
            if (s.client() == null) {
                throw new IllegalArgumentException("sample " + s.id() + " has no client");
            }
            groups.computeIfAbsent(s.client(), k -> new ArrayList<>()).add(s);
        }
        List<ClientData> out = new ArrayList<>();
        groups.forEach((name, samples) -> out.add(of(name, samples, modality, classes, threeD)));
        return out;
    }

    static ClientData of(String name, List<Sample> samples, String modality, int classes, boolean threeD) {
        return new ClientData(name, new SegmentationData(samples, modality, classes, threeD), samples.size());
    }
}
