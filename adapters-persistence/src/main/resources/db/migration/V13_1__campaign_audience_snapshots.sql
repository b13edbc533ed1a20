-- A campaign whose audience is a condition of its own (not a saved segment) freezes it at each run
-- like a segment's snapshot: such a snapshot belongs to no segment.
ALTER TABLE segment_snapshot MODIFY segment_id CHAR(36) NULL;
