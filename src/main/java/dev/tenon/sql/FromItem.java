package dev.tenon.sql;

import dev.tenon.metadata.TableModel;

/** Something a SELECT reads from: an aliased table or an aliased subquery. */
public sealed interface FromItem extends SqlNode {
    /** The alias columns are qualified with. */
    String alias();

    /** {@code "scott"."dept" "dept_1"}. */
    record TableRef(TableModel table, String alias) implements FromItem {
        @Override
        public void render(SqlWriter writer) {
            writer.table(table).append(" ").identifier(alias);
        }
    }

    /** {@code (SELECT ...) "anon_1"}: how joined eager loading limits parents, and how subquery loading reuses a query. */
    record SubqueryRef(Select select, String alias) implements FromItem {
        @Override
        public void render(SqlWriter writer) {
            writer.append("(").node(select).append(") ").identifier(alias);
        }
    }
}
