package org.starhash.gateway.menu;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded and valid menu file.
 *
 * @param code   the USSD service code it answers
 * @param source the file it came from, for messages
 * @param root   the node a dialogue starts at
 * @param byId   the nodes that carry an id, for {@code goto}
 */
public record MenuFile(String code, String source, MenuNode root, Map<String, MenuNode> byId) {

    public MenuFile {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(root, "root");
        byId = Map.copyOf(byId);
    }

    /** The node a goto leads to, following chains of gotos; empty for a loop of gotos alone. */
    public Optional<MenuNode> resolve(MenuNode node) {
        MenuNode at = node;
        for (int hops = 0; at instanceof MenuNode.Goto g; hops++) {
            if (hops > byId.size()) {
                return Optional.empty();
            }
            at = byId.get(g.target());
        }
        return Optional.ofNullable(at);
    }
}
