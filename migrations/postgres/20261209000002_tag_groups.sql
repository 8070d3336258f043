-- The CNCF TOC's technical advisory groups (TAGs) are a kind of group too.
ALTER TABLE sigs DROP CONSTRAINT sigs_kind_check;
ALTER TABLE sigs ADD CONSTRAINT sigs_kind_check
    CHECK (kind IN ('sig', 'working_group', 'committee', 'user_group', 'tag'));
