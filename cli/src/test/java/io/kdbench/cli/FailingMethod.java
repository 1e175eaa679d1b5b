package io.kdbench.cli;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Support;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;

/** A plug-in registered only for the tests: its training always throws, so its cells fail. */
public final class FailingMethod implements DistillationMethod {
    @Override
    public String id() {
        return "always-fails";
    }

    @Override
    public String summary() {
        return "test method whose training always throws";
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.none();
    }

    @Override
    public Support supports(DatasetInfo dataset) {
        return Support.yes();
    }

    @Override
    public TrainedModel train(TrainContext context) {
        throw new IllegalStateException("this method always fails");
    }
}
