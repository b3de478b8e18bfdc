package dev.tenon.loading.model;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Generation;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/** A player of a team, with a column of each type nested loading reads back from JSON. */
@Table(name = "players", schema = "league")
public class Player {
    /** A position on the field, stored by name. */
    public enum Position { KEEPER, DEFENDER, FORWARD }

    @Id(generation = Generation.ASSIGNED) @Column public Long id;
    @Column(name = "team_id") @ForeignKey("league.teams.id") public Integer teamId;
    @Column(length = 60) public String name;
    @Column(precision = 12, scale = 2) public BigDecimal salary;
    @Column public Boolean active;
    @Column public Short number;
    @Column public Double rating;
    @Column public LocalDate born;
    @Column public LocalDateTime signed;
    @Column public Instant updated;
    @Column public UUID token;
    @Column(length = 10) public Position position;

    @Relationship(backPopulates = "players")
    public Team team;

    public Player() {
    }

    public Player(long id, int teamId, String name) {
        this.id = id;
        this.teamId = teamId;
        this.name = name;
    }

    @Override
    public String toString() {
        return "Player#" + id;
    }
}
