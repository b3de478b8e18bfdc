package dev.tenon.query;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;
import java.util.List;

/** A named queue of {@link Job}s: the row every job of the queue references, which a job's lock must leave alone. */
@Table(name = "job_queue", schema = "queue")
public class JobQueue {
    @Id @Column Integer id;
    @Column(length = 20, nullable = false) String name;

    @Relationship(backPopulates = "queue", orderBy = "id")
    List<Job> jobs;

    public JobQueue() {
    }

    JobQueue(int id, String name) {
        this.id = id;
        this.name = name;
    }
}
