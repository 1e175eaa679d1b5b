package io.kdbench.experiment;

import io.kdbench.api.Component;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.EmptyPolicy;
import io.kdbench.api.Parameterised;
import io.kdbench.api.Params;
import io.kdbench.api.Support;
import io.kdbench.io.InputFile;
import io.kdbench.registry.Registries;
import io.kdbench.registry.Registry;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an experiment YAML file into an {@link Experiment}, checking every key, type and id against the
 * registries. Works on SnakeYAML's node tree so that every error can name its line.
 */
public final class ExperimentLoader {
    static final List<String> TOP_KEYS =
            List.of("name", "output", "seeds", "empty_policy", "metrics", "methods", "datasets", "retries", "reported",
                    "equal_budgets", "claims");
    private static final List<String> DATASET_KEYS = List.of("id", "label", "params", "seeds");
    private static final List<String> METHOD_KEYS = List.of("id", "label", "params", "datasets");
    private static final List<String> CLAIM_REQUIRED =
            List.of("id", "paper", "text", "dataset", "metric", "row", "against", "expect");
    private static final List<String> CLAIM_KEYS = List.of("id", "paper", "text", "dataset", "metric", "row", "against",
            "expect", "margin", "at_most_fraction");
    /** The parameter that holds a row's budget of optimisation steps. */
    static final String BUDGET = "steps";
    /** The parameter an ID:PATH entry sets. */
    static final String PATH = "path";

    private final Registries registries;

    public ExperimentLoader(Registries registries) {
        this.registries = registries;
    }

    public Experiment load(Path file) {
        Node root = parse(file);
        return new Reading(file).experiment(root);
    }

    private static Node parse(Path file) {
        String problem = InputFile.problem(file, "experiment file");
        if (problem != null) {
            throw new ConfigException(file, 0, problem);
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            Node root = new Yaml(new LoaderOptions()).compose(reader);
            if (root == null) {
                throw new ConfigException(file, 0, "the file is empty; expected a mapping with keys " + TOP_KEYS);
            }
            return root;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(file, line, "malformed YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException(file, 0, "malformed YAML: " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    /** One pass over one file; holds the file for error messages. */
    private final class Reading {
        private final Path file;
        /** By dataset label, the seeds of the dataset entries that give their own, read with their entries. */
        private final Map<String, List<Long>> datasetSeeds = new LinkedHashMap<>();

        Reading(Path file) {
            this.file = file;
        }

        Experiment experiment(Node root) {
            Map<String, NodeTuple> top = mapping(root, "experiment", TOP_KEYS);
            String defaultName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            String name = top.containsKey("name") ? string(top.get("name").getValueNode(), "name") : defaultName;
            if (!name.matches("[A-Za-z0-9._-]+")) {
                throw error(top.get("name").getValueNode(), "name must use letters, digits, '.', '_' or '-'; got '" + name + "'");
            }
            Path output = top.containsKey("output")
                    ? Path.of(string(top.get("output").getValueNode(), "output"))
                    : Path.of("results", name);
            List<Long> seeds = seeds(required(top, "seeds", root));
            EmptyPolicy policy = EmptyPolicy.NAN;
            if (top.containsKey("empty_policy")) {
                Node n = top.get("empty_policy").getValueNode();
                policy = choice(n, "empty_policy", List.of("nan", "penalty")).equals("nan") ? EmptyPolicy.NAN : EmptyPolicy.PENALTY;
            }
            List<String> metrics = new ArrayList<>();
            for (Node n : sequence(required(top, "metrics", root), "metrics")) {
                metrics.add(knownId(n, registries.metrics(), "metrics"));
            }
            List<ComponentSpec> datasets = components(required(top, "datasets", root), "datasets", registries.datasets());
            List<ComponentSpec> methods = components(required(top, "methods", root), "methods", registries.methods());
            checkDatasetFilters(methods, datasets, required(top, "methods", root));
            boolean equalBudgets = !top.containsKey("equal_budgets")
                    || bool(top.get("equal_budgets").getValueNode(), "equal_budgets");
            if (equalBudgets) {
                checkEqualBudgets(methods, datasets, required(top, "methods", root));
            }
            int retries = 0;
            if (top.containsKey("retries")) {
                Node n = top.get("retries").getValueNode();
                retries = (int) integer(n, "retries");
                if (retries < 0) {
                    throw error(n, "retries must be >= 0, got " + retries);
                }
            }
            Map<String, Double> reported = top.containsKey("reported")
                    ? reported(top.get("reported").getValueNode()) : Map.of();
            List<Claim> claims = top.containsKey("claims")
                    ? claims(top.get("claims").getValueNode(), metrics, methods, datasets) : List.of();
            return new Experiment(file, name, output, seeds, datasetSeeds, policy, metrics, methods, datasets, retries,
                    reported, claims);
        }

        private List<Long> seeds(Node node) {
            List<Long> seeds = new ArrayList<>();
            for (Node n : sequence(node, "seeds")) {
                long seed = integer(n, "seeds");
                if (seeds.contains(seed)) {
                    throw error(n, "seed " + seed + " is listed twice");
                }
                seeds.add(seed);
            }
            if (seeds.isEmpty()) {
                throw error(node, "seeds is empty; give at least one seed, e.g. seeds: [1, 2, 3]");
            }
            return seeds;
        }

        private <T extends Parameterised> List<ComponentSpec> components(Node node, String field, Registry<T> registry) {
            List<ComponentSpec> specs = new ArrayList<>();
            List<Node> items = sequence(node, field);
            if (items.isEmpty()) {
                throw error(node, field + " is empty; valid ids: " + String.join(", ", registry.ids()));
            }
            for (Node item : items) {
                ComponentSpec spec = item instanceof ScalarNode
                        ? bare(item, field, registry)
                        : component(item, field, registry);
                for (ComponentSpec other : specs) {
                    if (other.label().equals(spec.label()) && overlap(other, spec)) {
                        throw error(item, field + " lists '" + spec.label() + "' twice; give one of them a distinct"
                                + " 'label', or give both 'datasets' lists that do not overlap");
                    }
                }
                specs.add(spec);
            }
            return specs;
        }

        /**
         * Whether two entries of one label would both run on some dataset. One row may appear twice with other
         * parameters on disjoint datasets (e.g. its step budget on each), since rows are told apart per dataset.
         */
        private static boolean overlap(ComponentSpec a, ComponentSpec b) {
            return a.datasets().isEmpty() || b.datasets().isEmpty()
                    || a.datasets().stream().anyMatch(b.datasets()::contains);
        }

        /** A method's 'datasets' list must name datasets of this experiment (by label). */
        private void checkDatasetFilters(List<ComponentSpec> methods, List<ComponentSpec> datasets, Node methodsNode) {
            List<String> labels = datasets.stream().map(ComponentSpec::label).toList();
            List<Node> items = sequence(methodsNode, "methods");
            for (int i = 0; i < methods.size(); i++) {
                for (String d : methods.get(i).datasets()) {
                    if (!labels.contains(d)) {
                        throw error(items.get(i), "method '" + methods.get(i).label() + "' lists dataset '" + d
                                + "', which is not in this experiment; valid: " + String.join(", ", labels));
                    }
                }
            }
        }

        /**
         * Rows compared on one dataset train for the same number of optimisation steps: every method entry with a
         * {@code steps} parameter that runs on a dataset must give the same value as the others there.
         */
        private void checkEqualBudgets(List<ComponentSpec> methods, List<ComponentSpec> datasets, Node methodsNode) {
            List<Node> items = sequence(methodsNode, "methods");
            for (ComponentSpec d : datasets) {
                ComponentSpec first = null;
                for (int i = 0; i < methods.size(); i++) {
                    ComponentSpec m = methods.get(i);
                    if (!m.runsOn(d.label()) || !m.params().asMap().containsKey(BUDGET)) {
                        continue;
                    }
                    if (first == null) {
                        first = m;
                    } else if (m.params().getInt(BUDGET) != first.params().getInt(BUDGET)) {
                        throw error(items.get(i), "rows compared on dataset '" + d.label() + "' need equal step budgets: '"
                                + first.label() + "' has steps " + first.params().getInt(BUDGET) + ", '" + m.label()
                                + "' has steps " + m.params().getInt(BUDGET) + "; give them the same 'steps', or set"
                                + " equal_budgets: false to compare unequal budgets on purpose");
                    }
                }
            }
        }

        /** An entry written as its id alone (every default), or as ID:PATH, short for the id with params {path: PATH}. */
        private <T extends Parameterised> ComponentSpec bare(Node item, String field, Registry<T> registry) {
            String text = string(item, field);
            int colon = text.indexOf(':');
            if (colon <= 0 || registry.find(text.substring(0, colon)).isEmpty()) {
                String id = knownId(item, registry, field);
                return new ComponentSpec(id, id, Params.defaultsOf(registry.get(id)));
            }
            String id = text.substring(0, colon);
            T component = registry.get(id);
            if (!component.defaults().containsKey(PATH)) {
                throw error(item, "'" + id + "' reads no file, so '" + text + "' means nothing; write " + id + " alone");
            }
            Params params = Params.of(component.defaults(), Map.of(PATH, text.substring(colon + 1)));
            try {
                component.check(params);
            } catch (IllegalArgumentException e) {
                throw error(item, "bad params of " + id + ": " + e.getMessage());
            }
            return new ComponentSpec(id, id, params);
        }

        private <T extends Parameterised> ComponentSpec component(Node item, String field, Registry<T> registry) {
            boolean method = field.equals("methods");
            Map<String, NodeTuple> keys = mapping(item, field + " entry", method ? METHOD_KEYS : DATASET_KEYS);
            String id = knownId(required(keys, "id", item), registry, field);
            String label = keys.containsKey("label") ? string(keys.get("label").getValueNode(), "label") : id;
            if (keys.containsKey("seeds")) { // only a dataset entry may have them (METHOD_KEYS refuses the key)
                datasetSeeds.put(label, List.copyOf(seeds(keys.get("seeds").getValueNode())));
            }
            T component = registry.get(id);
            Map<String, Object> overrides = new LinkedHashMap<>();
            if (keys.containsKey("params")) {
                Node paramsNode = keys.get("params").getValueNode();
                Map<String, NodeTuple> given = mapping(paramsNode, "params of " + id, List.copyOf(component.defaults().keySet()));
                for (Map.Entry<String, NodeTuple> e : given.entrySet()) {
                    Object def = component.defaults().get(e.getKey());
                    overrides.put(e.getKey(), typed(e.getValue().getValueNode(), id + "." + e.getKey(), def));
                }
            }
            Params params = Params.of(component.defaults(), overrides);
            try {
                component.check(params);
            } catch (IllegalArgumentException e) {
                throw error(offendingNode(keys, item, e.getMessage()), "bad params of " + id + ": " + e.getMessage());
            }
            List<String> only = new ArrayList<>();
            if (keys.containsKey("datasets")) {
                for (Node n : sequence(keys.get("datasets").getValueNode(), "datasets of " + label)) {
                    only.add(string(n, "datasets of " + label));
                }
            }
            return new ComponentSpec(label, id, params, only);
        }

        /**
         * The line to blame for a refused parameter value: the key the message starts with ("lr must be > 0"), if the
         * file sets it; else the params mapping (a bad default combination), else the entry.
         */
        private Node offendingNode(Map<String, NodeTuple> keys, Node item, String message) {
            if (!keys.containsKey("params")) {
                return item;
            }
            Node params = keys.get("params").getValueNode();
            if (params instanceof MappingNode m && message != null) {
                for (NodeTuple t : m.getValue()) {
                    String key = string(t.getKeyNode(), "params");
                    if (message.startsWith(key + " ")) {
                        return t.getKeyNode();
                    }
                }
            }
            return params;
        }

        private boolean bool(Node node, String field) {
            if (!(node instanceof ScalarNode s) || !Tag.BOOL.equals(s.getTag())) {
                throw error(node, field + " must be true or false; got " + shown(node));
            }
            return Boolean.parseBoolean(s.getValue());
        }

        /** A node as an error message shows it: a scalar's text in quotes, else what kind of node it is. */
        private String shown(Node node) {
            if (node instanceof ScalarNode s) {
                return Tag.NULL.equals(s.getTag()) ? "nothing" : "'" + s.getValue() + "'";
            }
            return node instanceof SequenceNode ? "a list" : "a mapping";
        }

        private Map<String, Double> reported(Node node) {
            Map<String, Double> values = new LinkedHashMap<>();
            if (!(node instanceof MappingNode m)) {
                throw error(node, "reported must be a mapping of \"method/dataset/metric\": value; got " + shown(node));
            }
            for (NodeTuple t : m.getValue()) {
                String key = string(t.getKeyNode(), "reported");
                if (key.split("/").length != 3) {
                    throw error(t.getKeyNode(), "reported keys are \"method/dataset/metric\"; got '" + key + "'");
                }
                values.put(key, number(t.getValueNode(), "reported." + key));
            }
            return values;
        }

        private List<Claim> claims(Node node, List<String> metrics, List<ComponentSpec> methods,
                                   List<ComponentSpec> datasets) {
            List<Claim> claims = new ArrayList<>();
            for (Node item : sequence(node, "claims")) {
                claims.add(claim(item, claims, metrics, methods, datasets));
            }
            return claims;
        }

        /**
         * One claim: its dataset, metric and rows must be those of this file (the rows running on the dataset, the
         * metric applying to its task), and each kind of expectation must have what it needs.
         */
        private Claim claim(Node item, List<Claim> earlier, List<String> metrics, List<ComponentSpec> methods,
                            List<ComponentSpec> datasets) {
            Map<String, NodeTuple> keys = mapping(item, "claims entry", CLAIM_KEYS);
            for (String key : CLAIM_REQUIRED) {
                required(keys, key, item);
            }
            String id = string(value(keys, "id"), "claims.id");
            if (earlier.stream().anyMatch(c -> c.id().equals(id))) {
                throw error(value(keys, "id"), "claim id '" + id + "' is used twice; give each claim its own id");
            }
            String what = "claim '" + id + "'";
            Node datasetNode = value(keys, "dataset");
            String datasetLabel = string(datasetNode, what + ".dataset");
            ComponentSpec dataset = datasets.stream().filter(d -> d.label().equals(datasetLabel)).findFirst()
                    .orElseThrow(() -> error(datasetNode, "unknown dataset '" + datasetLabel + "' in " + what
                            + "; valid: " + String.join(", ", datasets.stream().map(ComponentSpec::label).toList())));
            DatasetInfo info = registries.datasets().get(dataset.id()).info(dataset.params());
            Claim.Expect expect = Claim.Expect.valueOf(choice(value(keys, "expect"), what + ".expect",
                    Claim.Expect.yamlNames()).toUpperCase(Locale.ROOT).replace('-', '_'));
            String metric = claimMetric(value(keys, "metric"), what, expect, metrics, datasetLabel, info);
            String row = claimRow(value(keys, "row"), what + ".row", datasetLabel, info, methods);
            String against = claimRow(value(keys, "against"), what + ".against", datasetLabel, info, methods);
            if (row.equals(against)) {
                throw error(value(keys, "against"), what + " compares '" + row + "' with itself; 'against' must name"
                        + " another row");
            }
            double margin = Double.NaN;
            if (keys.containsKey("margin")) {
                if (expect != Claim.Expect.NOT_WORSE) {
                    throw error(keys.get("margin").getKeyNode(), what + ": margin goes only with expect: not-worse");
                }
                margin = number(value(keys, "margin"), what + ".margin");
                if (!(margin > 0)) {
                    throw error(value(keys, "margin"), what + ".margin must be > 0, got " + margin);
                }
            } else if (expect == Claim.Expect.NOT_WORSE) {
                throw error(value(keys, "expect"), what + ": expect: not-worse needs 'margin: M', how much worse the row"
                        + " may be in " + metric + " units");
            }
            double fraction = Double.NaN;
            if (keys.containsKey("at_most_fraction")) {
                if (expect != Claim.Expect.FEWER_PARAMETERS) {
                    throw error(keys.get("at_most_fraction").getKeyNode(), what
                            + ": at_most_fraction goes only with expect: fewer-parameters");
                }
                fraction = number(value(keys, "at_most_fraction"), what + ".at_most_fraction");
                if (!(fraction > 0 && fraction <= 1)) {
                    throw error(value(keys, "at_most_fraction"), what + ".at_most_fraction must be in (0, 1], got "
                            + fraction);
                }
            }
            return new Claim(id, string(value(keys, "paper"), what + ".paper"),
                    string(value(keys, "text"), what + ".text"), datasetLabel, metric, row, against, expect, margin, fraction);
        }

        /** A metric of the file that scores the dataset's task, or "parameters" exactly when parameters are compared. */
        private String claimMetric(Node node, String what, Claim.Expect expect, List<String> metrics, String dataset,
                                   DatasetInfo info) {
            String metric = string(node, what + ".metric");
            boolean parameters = expect == Claim.Expect.FEWER_PARAMETERS;
            if (parameters != metric.equals(Claim.PARAMETERS)) {
                throw error(node, what + ": " + (parameters ? "expect: fewer-parameters needs metric: " + Claim.PARAMETERS
                        : "metric: " + Claim.PARAMETERS + " goes only with expect: fewer-parameters"));
            }
            if (parameters) {
                return metric;
            }
            if (!metrics.contains(metric)) {
                throw error(node, "unknown metric '" + metric + "' in " + what + "; valid: the file's metrics "
                        + String.join(", ", metrics) + ", or " + Claim.PARAMETERS);
            }
            if (!registries.metrics().get(metric).appliesTo(info)) {
                throw error(node, what + ": metric '" + metric + "' does not score dataset '" + dataset + "' (task "
                        + info.task().name().toLowerCase(Locale.ROOT) + ")");
            }
            return metric;
        }

        /** A row label of the file that runs on the dataset, for a method that supports it. */
        private String claimRow(Node node, String field, String dataset, DatasetInfo info, List<ComponentSpec> methods) {
            String label = string(node, field);
            ComponentSpec method = methods.stream().filter(m -> m.label().equals(label) && m.runsOn(dataset)).findFirst()
                    .orElseThrow(() -> error(node, "unknown row '" + label + "' in " + field + ": no method of this file"
                            + " with that label runs on '" + dataset + "'; valid: " + String.join(", ", methods.stream()
                            .filter(m -> m.runsOn(dataset)).map(ComponentSpec::label).toList())));
            Support support = registries.methods().get(method.id()).supports(info);
            if (!support.ok()) {
                throw error(node, field + ": '" + label + "' does not run on '" + dataset + "': " + support.reason());
            }
            return label;
        }

        private static Node value(Map<String, NodeTuple> keys, String key) {
            return keys.get(key).getValueNode();
        }

        /** Converts a scalar to the type of the parameter's default. */
        private Object typed(Node node, String field, Object def) {
            if (def instanceof Integer) {
                long v = integer(node, field);
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw error(node, field + " is out of the integer range; got " + v);
                }
                return (int) v;
            }
            if (def instanceof Long) {
                return integer(node, field);
            }
            if (def instanceof Double) {
                return number(node, field);
            }
            if (def instanceof Boolean) {
                return bool(node, field);
            }
            if (def instanceof List<?> list) {
                Object element = list.isEmpty() ? "" : list.get(0);
                List<Object> out = new ArrayList<>();
                for (Node n : sequence(node, field)) {
                    out.add(typed(n, field, element));
                }
                return out;
            }
            return string(node, field);
        }

        private Map<String, NodeTuple> mapping(Node node, String what, List<String> validKeys) {
            if (!(node instanceof MappingNode m)) {
                throw error(node, what + " must be a mapping with keys " + validKeys + "; got " + shown(node));
            }
            Map<String, NodeTuple> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                String key = string(t.getKeyNode(), what);
                if (!validKeys.contains(key)) {
                    throw error(t.getKeyNode(), "unknown key '" + key + "' in " + what + "; valid: " + String.join(", ", validKeys));
                }
                if (out.put(key, t) != null) {
                    throw error(t.getKeyNode(), "key '" + key + "' appears twice in " + what);
                }
            }
            return out;
        }

        private Node required(Map<String, NodeTuple> keys, String key, Node parent) {
            NodeTuple t = keys.get(key);
            if (t == null) {
                throw error(parent, "missing required key '" + key + "'");
            }
            return t.getValueNode();
        }

        private List<Node> sequence(Node node, String field) {
            if (!(node instanceof SequenceNode s)) {
                throw error(node, field + " must be a list, e.g. " + field + ": [a, b]; got " + shown(node));
            }
            return s.getValue();
        }

        private String string(Node node, String field) {
            if (!(node instanceof ScalarNode s) || Tag.NULL.equals(s.getTag())) {
                throw error(node, field + " must be a single value; got " + shown(node));
            }
            return s.getValue();
        }

        private long integer(Node node, String field) {
            if (!(node instanceof ScalarNode s) || !Tag.INT.equals(s.getTag())) {
                throw error(node, field + " must be an integer; got " + shown(node));
            }
            try {
                return Long.parseLong(s.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                throw error(node, field + " must be an integer; got '" + s.getValue() + "'");
            }
        }

        private double number(Node node, String field) {
            if (!(node instanceof ScalarNode s) || !(Tag.INT.equals(s.getTag()) || Tag.FLOAT.equals(s.getTag()))) {
                throw error(node, field + " must be a number; got " + shown(node));
            }
            double v = Double.parseDouble(s.getValue().replace("_", ""));
            if (!Double.isFinite(v)) {
                throw error(node, field + " must be finite; got " + s.getValue());
            }
            return v;
        }

        private String choice(Node node, String field, List<String> valid) {
            String v = string(node, field);
            if (!valid.contains(v)) {
                throw error(node, field + " must be one of " + String.join(", ", valid) + "; got '" + v + "'");
            }
            return v;
        }

        private <T extends Component> String knownId(Node node, Registry<T> registry, String field) {
            String id = string(node, field);
            if (registry.find(id).isEmpty()) {
                throw error(node, "unknown " + registry.kind() + " '" + id + "' in " + field + "; valid: "
                        + String.join(", ", registry.ids()));
            }
            return id;
        }

        private ConfigException error(Node node, String message) {
            return new ConfigException(file, node == null ? 0 : node.getStartMark().getLine() + 1, message);
        }
    }
}
