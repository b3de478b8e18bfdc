package dev.tenon.loading.model;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;

/** A coach of a team: the second collection of {@link Team}. */
@Table(name = "coaches", schema = "league")
public class Coach {
    @Id(generation = Generation.ASSIGNED) @Column public Integer id;
    @Column(name = "team_id") @ForeignKey("league.teams.id") public Integer teamId;
    @Column(length = 40) public String name;

    @Relationship(backPopulates = "coaches")
    public Team team;

    public Coach() {
    }

    public Coach(int id, int teamId, String name) {
        this.id = id;
        this.teamId = teamId;
        this.name = name;
    }

    @Override
    public String toString() {
        return "Coach#" + id;
    }
}
