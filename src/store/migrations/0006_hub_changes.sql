-- Version 6: what the district office tells the device through pulled changes. Status
-- changes arrive as events of origin 'hub' and move the members' status; these columns keep
-- the rest of them.
ALTER TABLE members ADD COLUMN faskes TEXT NOT NULL DEFAULT '';       -- assigned facility
ALTER TABLE members ADD COLUMN duplicate_of TEXT NOT NULL DEFAULT ''; -- another household
                                                                      -- with this NIK (hub)
