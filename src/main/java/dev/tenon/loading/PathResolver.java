package dev.tenon.loading;

import dev.tenon.exception.MappingException;
import dev.tenon.metadata.ColumnModel;
import dev.tenon.metadata.EntityModel;
import dev.tenon.metadata.RelationshipModel;
import dev.tenon.sql.ColumnRef;
import dev.tenon.sql.Expression;
import dev.tenon.sql.FromItem;
import dev.tenon.sql.Select;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves attribute paths of a query ({@code "ename"}, {@code "department.loc"}) to columns, checking every
 * name against the metadata. A path through a to-one relationship adds a LEFT OUTER JOIN to the statement,
 * once per path. A path through a collection does not resolve to a column: {@link ConditionWriter} turns a
 * condition on one into an EXISTS subquery ({@link #throughCollection}), with a resolver of its own.
 */
final class PathResolver {
    private final Select select;
    private final String rootAlias;
    private final EntityModel root;
    private final Aliases aliases;
    private final Map<String, String> joined = new HashMap<>();

    PathResolver(Select select, String rootAlias, EntityModel root, Aliases aliases) {
        this.select = select;
        this.rootAlias = rootAlias;
        this.root = root;
        this.aliases = aliases;
    }

    /** The entity the paths start from. */
    EntityModel root() {
        return root;
    }

    /** The alias of the root's table in the statement. */
    String rootAlias() {
        return rootAlias;
    }

    /**
     * Where {@code path} crosses its first collection: the path up to and including that relationship and the rest
     * ({@code "employees"} and {@code "ename"} for {@code "employees.ename"} on Dept), or null when it crosses none
     * (an unknown name is left for {@link #resolve} to report).
     */
    String[] throughCollection(String path) {
        String[] parts = path.split("\\.");
        EntityModel entity = root;
        for (int i = 0; i < parts.length - 1 && entity != null; i++) {
            RelationshipModel relationship = entity.relationship(parts[i]);
            if (relationship != null && relationship.collection()) {
                int end = String.join(".", java.util.Arrays.copyOf(parts, i + 1)).length();
                return new String[] {path.substring(0, end), path.substring(end + 1)};
            }
            entity = relationship == null ? null : relationship.target();
        }
        return null;
    }

    /** Whether every name of {@code path} is a relationship ({@code "manager"}, {@code "manager.department"}). */
    boolean namesRelationships(String path) {
        EntityModel entity = root;
        for (String part : path.split("\\.", -1)) {
            RelationshipModel relationship = entity.relationship(part);
            if (relationship == null) {
                return false;
            }
            entity = relationship.target();
        }
        return true;
    }

    /** The root's relationship {@code name}, the first of {@code path}; refused with the valid names when there is none. */
    RelationshipModel relationship(String name, String path) {
        RelationshipModel relationship = root.relationship(name);
        if (relationship == null) {
            String column = root.column(name) == null ? "" : "; '" + name + "' is a column, and any() and none() go through relationships";
            throw new MappingException("'" + path + "': " + root.name() + " has no relationship '" + name + "'" + column
                    + Names.didYouMean(name, root.relationships().stream().map(RelationshipModel::name).toList()));
        }
        return relationship;
    }

    ColumnRef resolve(String path) {
        String[] parts = path.split("\\.");
        EntityModel entity = root;
        String alias = rootAlias;
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            RelationshipModel relationship = entity.relationship(parts[i]);
            if (relationship == null) {
                throw unknown(path, parts[i], entity);
            }
            if (relationship.collection()) {
                throw new MappingException("'" + path + "': " + relationship + " is a collection, and an order term or a selected"
                        + " attribute takes one value per row: a path here may only go through to-one relationships. To filter by"
                        + " its members, use any(\"" + parts[i] + "\", ...) or a condition on the path");
            }
            prefix.append(parts[i]).append('.');
            String parentAlias = alias;
            EntityModel target = relationship.target();
            alias = joined.computeIfAbsent(prefix.toString(), p -> {
                String next = aliases.next(target.table().name());
                select.join(true, new FromItem.TableRef(target.table(), next),
                        Expression.joinOn(parentAlias, relationship.ownerColumns(), next, relationship.remoteColumns()));
                return next;
            });
            entity = target;
        }
        String last = parts[parts.length - 1];
        ColumnModel column = entity.column(last);
        if (column == null && entity.relationship(last) != null) {
            RelationshipModel relationship = entity.relationship(last);
            EntityModel target = relationship.target();
            throw new MappingException("'" + path + "': " + relationship + " is a relationship, not a column; "
                    + (relationship.collection() ? "query " + target.name() + " instead, or use the collection's dynamic query"
                    : "name a column of " + target.name() + " through it, e.g. '" + path + "." + target.primaryKey().get(0).attribute() + "'"));
        }
        if (column == null) {
            throw unknown(path, last, entity);
        }
        return new ColumnRef(alias, column);
    }

    private static MappingException unknown(String path, String name, EntityModel entity) {
        return new MappingException("'" + path + "': " + entity.name() + " has no attribute '" + name + "'"
                + Names.didYouMean(name, entity.attributeNames()));
    }
}
