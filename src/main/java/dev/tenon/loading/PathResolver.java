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
 * once per path.
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
                throw new MappingException("'" + path + "': " + relationship + " is a collection; a path may only go through "
                        + "to-one relationships. Query " + relationship.target().name() + " instead, or filter the collection's dynamic query");
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
