package dev.tenon.query;

import dev.tenon.annotation.Column;
import dev.tenon.annotation.ForeignKey;
import dev.tenon.annotation.Id;
import dev.tenon.annotation.Relationship;
import dev.tenon.annotation.Table;

/** A job of a queue, claimed by one worker at a time with {@code forUpdate().skipLocked()}. */
@Table(name = "job", schema = "queue")
public class Job {
    @Id @Column Integer id;
    @Column(name = "queue_id", nullable = false) @ForeignKey("queue.job_queue.id") Integer queueId;
    @Column(length = 10, nullable = false) String status;
    @Column(name = "claimed_by", length = 20) String claimedBy;

    /** Mandatory: a joined load of it is an inner join. */
    @Relationship(backPopulates = "jobs")
    JobQueue queue;

    public Job() {
    }

    Job(int id, int queueId) {
        this.id = id;
        this.queueId = queueId;
        this.status = "NEW";
    }

    @Override
    public String toString() {
        return "Job#" + id;
    }
}
