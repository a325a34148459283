package org.exposure.assessor.review;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reviewer's note on a review item. */
@Entity
@Table(name = "review_comment")
public class ReviewCommentEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    @Column(name = "item_id", nullable = false)
    public UUID itemId;

    @Column(nullable = false)
    public String author;

    @Column(name = "written_at", nullable = false)
    public Instant writtenAt;

    @Column(nullable = false)
    public String text;
}
