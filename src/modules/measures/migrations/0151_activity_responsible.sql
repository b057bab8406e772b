-- The account responsible for an activity: its end date is that person's deadline on งานที่ต้องทำ
-- (platform deadlines, docs/decisions/0008). Empty: the measure's officers (officers of its units,
-- else every officer of the agency). No foreign key: accounts are never deleted, only disabled.
ALTER TABLE ita_activities ADD COLUMN responsible_user_id uuid;
