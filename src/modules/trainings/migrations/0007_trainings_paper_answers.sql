-- trainings: answers given on paper (an outside attendee, no phone) typed in by staff.
ALTER TABLE trainings_answers DROP CONSTRAINT trainings_answers_via_check, ADD CONSTRAINT trainings_answers_via_check CHECK (via IN ('self', 'link', 'paper'));
ALTER TABLE trainings_evaluations DROP CONSTRAINT trainings_evaluations_via_check, ADD CONSTRAINT trainings_evaluations_via_check CHECK (via IN ('self', 'link', 'paper'));
