package dev.tenon.loading.model;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.util.List;

/** A team with two sibling collections, for nested loading: its players and its coaches. */
@Table(name = "teams", schema = "league")
public class Team {
    @Id(generation = Generation.ASSIGNED) @Column public Integer id;
    @Column(length = 40) public String name;

    @Relationship(backPopulates = "team", orderBy = "id")
    public List<Player> players;

    @Relationship(backPopulates = "team", orderBy = "name")
    public List<Coach> coaches;

    public Team() {
    }

    public Team(int id, String name) {
        this.id = id;
        this.name = name;
    }

    @Override
    public String toString() {
        return "Team#" + id;
    }
}
