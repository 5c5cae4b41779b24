package org.starhash.gateway.menu;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads one menu file into its nodes. It works on the YAML node tree rather than on bound objects so that every
 * problem can name its line; it collects every problem rather than stopping at the first.
 */
final class MenuParser {

    private static final Pattern CODE = Pattern.compile("[0-9]{1,6}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final Set<String> KINDS = Set.of("menu", "input", "action", "text", "goto");
    private static final Set<String> NODE_KEYS = Set.of("id", "menu", "input", "action", "with", "reply", "text", "goto");

    private final String source;
    private final List<MenuProblem> problems = new ArrayList<>();
    private final Map<String, MenuNode> byId = new LinkedHashMap<>();
    /** Where each id was defined, for the duplicate message. */
    private final Map<String, Integer> idLines = new LinkedHashMap<>();
    /** Every goto, checked once all ids are known. */
    private final List<MenuNode.Goto> gotos = new ArrayList<>();

    private MenuParser(String source) {
        this.source = source;
    }

    /**
     * Parses a file's text; the file model comes with problems found while parsing, and is empty when the file
     * has no usable shape at all.
     */
    static Parsed parse(String source, String text) {
        MenuParser parser = new MenuParser(source);
        Optional<MenuFile> file = parser.file(text);
        return new Parsed(file, List.copyOf(parser.problems), parser.gotos);
    }

    /** A parse: the file, if its shape could be read, and every problem so far. */
    record Parsed(Optional<MenuFile> file, List<MenuProblem> problems, List<MenuNode.Goto> gotos) {
    }

    private Optional<MenuFile> file(String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(new MenuProblem(source, mark == null ? 0 : mark.getLine() + 1,
                    "not valid YAML: " + (e.getProblem() != null ? e.getProblem() : e.getMessage())));
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(new MenuProblem(source, 0, "not valid YAML: " + e.getMessage()));
            return Optional.empty();
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(new MenuProblem(source, root == null ? 0 : line(root),
                    "a menu file is a mapping with code: and a menu:, input:, action: or text:"));
            return Optional.empty();
        }
        Map<String, Node> fields = fields(mapping, with(NODE_KEYS, "code"));
        String code = scalar(fields.get("code"), "code", mapping);
        if (code != null && !CODE.matcher(code).matches()) {
            problem(fields.get("code"), "code '" + code + "' is not a USSD service code (1 to 6 digits, as in \"122\")");
            code = null;
        }
        MenuNode node = node(fields, mapping);
        if (code == null || node == null) {
            return Optional.empty();
        }
        return Optional.of(new MenuFile(code, source, node, byId));
    }

    /** A node from a mapping that holds one of menu:, input:, action:, text: or goto:, and maybe id:. */
    private MenuNode node(Map<String, Node> fields, MappingNode at) {
        List<String> kinds = fields.keySet().stream().filter(KINDS::contains).toList();
        if (kinds.size() != 1) {
            problem(at, kinds.isEmpty() ? "missing what happens here: one of menu:, input:, action:, text: or goto:"
                    : "only one of " + String.join(", ", kinds) + " may be given here");
            return null;
        }
        String kind = kinds.get(0);
        if (!kind.equals("action")) {
            for (String actionOnly : List.of("with", "reply")) {
                if (fields.containsKey(actionOnly)) {
                    problem(fields.get(actionOnly), actionOnly + ": belongs to an action:");
                }
            }
        }
        Node value = fields.get(kind);
        MenuNode node = switch (kind) {
            case "menu" -> menu(value);
            case "input" -> input(value);
            case "action" -> action(value, fields.get("with"), fields.get("reply"));
            case "text" -> text(value);
            default -> jump(value);
        };
        String id = fields.containsKey("id") ? scalar(fields.get("id"), "id", at) : null;
        if (id != null && node != null) {
            if (!NAME.matcher(id).matches()) {
                problem(fields.get("id"), "id '" + id + "' must be lower-case letters, digits and _");
            } else if (idLines.containsKey(id)) {
                problem(fields.get("id"), "id '" + id + "' is already used on line " + idLines.get(id));
            } else {
                byId.put(id, node);
                idLines.put(id, line(fields.get("id")));
            }
        }
        return node;
    }

    private MenuNode menu(Node value) {
        if (!(value instanceof MappingNode m)) {
            problem(value, "menu: needs items: (and may have a title:)");
            return null;
        }
        Map<String, Node> f = fields(m, Set.of("title", "items", "dial_choice"));
        String title = f.containsKey("title") ? scalar(f.get("title"), "title", m) : "";
        if (!(f.get("items") instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problem(f.getOrDefault("items", m), "a menu needs items: a list of at least one item");
            return null;
        }
        List<MenuNode.Item> items = new ArrayList<>();
        for (Node entry : seq.getValue()) {
            if (!(entry instanceof MappingNode im)) {
                problem(entry, "an item is a mapping with label: and what choosing it does");
                continue;
            }
            Map<String, Node> itemFields = fields(im, with(NODE_KEYS, "label"));
            String label = scalar(itemFields.get("label"), "label", im);
            if (label != null && label.isBlank()) {
                problem(itemFields.get("label"), "the label is empty");
            }
            MenuNode target = node(itemFields, im);
            if (label != null && target != null) {
                items.add(new MenuNode.Item(line(im), label.strip(), target));
            }
        }
        int dialChoice = 0;
        if (f.containsKey("dial_choice")) {
            String choice = scalar(f.get("dial_choice"), "dial_choice", m);
            if (choice != null && (!choice.matches("[1-9][0-9]?") || Integer.parseInt(choice) > seq.getValue().size())) {
                problem(f.get("dial_choice"), "dial_choice must be the number of one of the " + seq.getValue().size()
                        + " items");
            } else if (choice != null) {
                dialChoice = Integer.parseInt(choice);
            }
        }
        if (items.size() != seq.getValue().size() || title == null) {
            return null;
        }
        return new MenuNode.Menu(line(value), title.strip(), items, dialChoice);
    }

    private MenuNode input(Node value) {
        if (!(value instanceof MappingNode m)) {
            problem(value, "input: needs prompt:, check:, name: and then:");
            return null;
        }
        Map<String, Node> f = fields(m, Set.of("prompt", "check", "amounts", "name", "then"));
        String prompt = scalar(f.get("prompt"), "prompt", m);
        if (prompt != null && prompt.isBlank()) {
            problem(f.get("prompt"), "the prompt is empty");
        }
        String name = scalar(f.get("name"), "name", m);
        if (name != null && !NAME.matcher(name).matches()) {
            problem(f.get("name"), "name '" + name + "' must be lower-case letters, digits and _");
            name = null;
        }
        Check check = check(f, m);
        MenuNode next = null;
        if (f.get("then") instanceof MappingNode then) {
            next = node(fields(then, NODE_KEYS), then);
        } else {
            problem(f.getOrDefault("then", m), "then: is needed: what happens with the answer (an action:, menu:, ...)");
        }
        if (prompt == null || prompt.isBlank() || name == null || check == null || next == null) {
            return null;
        }
        return new MenuNode.Input(line(value), prompt.strip(), check, name, next);
    }

    private Check check(Map<String, Node> f, MappingNode m) {
        String kind = scalar(f.get("check"), "check", m);
        if (kind == null) {
            return null;
        }
        Check.Kind k;
        try {
            k = Check.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(f.get("check"), "unknown check '" + kind + "'; known checks: digits, msisdn, amount");
            return null;
        }
        List<Long> amounts = new ArrayList<>();
        if (k == Check.Kind.AMOUNT) {
            if (!(f.get("amounts") instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                problem(f.getOrDefault("amounts", m), "check: amount needs amounts: a list of whole euros, as [5, 10, 20]");
                return null;
            }
            for (Node a : seq.getValue()) {
                String v = a instanceof ScalarNode s ? s.getValue() : "";
                if (!v.matches("[1-9][0-9]{0,5}")) {
                    problem(a, "'" + v + "' is not an amount in whole euros");
                    return null;
                }
                amounts.add(Long.parseLong(v));
            }
        } else if (f.containsKey("amounts")) {
            problem(f.get("amounts"), "amounts: belongs to check: amount");
        }
        return new Check(k, amounts);
    }

    private MenuNode action(Node value, Node with,
                        Node reply) {
        String name = value instanceof ScalarNode s ? s.getValue() : null;
        if (name == null || name.isBlank()) {
            problem(value, "action: is the name of a service, as set");
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (with != null) {
            if (!(with instanceof MappingNode wm)) {
                problem(with, "with: is a mapping of parameter names to values");
                return null;
            }
            for (NodeTuple t : wm.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
                String v = t.getValueNode() instanceof ScalarNode sv ? sv.getValue() : null;
                if (key == null || v == null) {
                    problem(t.getKeyNode(), "with: takes plain names and values");
                    return null;
                }
                if (params.put(key, v) != null) {
                    problem(t.getKeyNode(), "parameter '" + key + "' is given twice");
                }
            }
        }
        String text = "";
        if (reply != null) {
            text = reply instanceof ScalarNode r ? r.getValue().strip() : null;
            if (text == null || text.isEmpty()) {
                problem(reply, "reply: is the text shown after the action, and it is empty");
                return null;
            }
        }
        return new MenuNode.Action(line(value), name.strip(), params, text);
    }

    private MenuNode text(Node value) {
        String text = value instanceof ScalarNode s ? s.getValue().strip() : "";
        if (text.isEmpty()) {
            problem(value, "text: is the final text shown, and it is empty");
            return null;
        }
        return new MenuNode.Text(line(value), text);
    }

    private MenuNode jump(Node value) {
        String target = value instanceof ScalarNode s ? s.getValue().strip() : "";
        if (target.isEmpty()) {
            problem(value, "goto: is the id of another node in this file");
            return null;
        }
        MenuNode.Goto g = new MenuNode.Goto(line(value), target);
        gotos.add(g);
        return g;
    }

    /** The fields of a mapping by key; an unknown or repeated key is a problem. */
    private Map<String, Node> fields(MappingNode mapping, Set<String> known) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null || !known.contains(key)) {
                problem(t.getKeyNode(), "unknown key '" + key + "'; known keys here: " + String.join(", ", new TreeSet<>(known)));
            } else if (fields.put(key, t.getValueNode()) != null) {
                problem(t.getKeyNode(), "'" + key + "' is given twice");
            }
        }
        return fields;
    }

    /** A scalar field; null, with a problem, when it is missing or not a plain value. */
    private String scalar(Node value, String key, Node owner) {
        if (value == null) {
            problem(owner, "missing " + key + ":");
            return null;
        }
        if (!(value instanceof ScalarNode s)) {
            problem(value, key + ": must be a plain value, not a list or mapping");
            return null;
        }
        return s.getValue();
    }

    private void problem(Node at, String message) {
        problems.add(new MenuProblem(source, line(at), message));
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static Set<String> with(Set<String> keys, String extra) {
        Set<String> all = new TreeSet<>(keys);
        all.add(extra);
        return all;
    }
}
