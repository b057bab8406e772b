-- A year with no built-in file (e.g. 2570 added by a platform admin) starts at version 1 in this
-- table; years with a built-in file still start at 2 (the file is version 1).
ALTER TABLE ita_framework_versions DROP CONSTRAINT IF EXISTS ita_framework_versions_version_check;
ALTER TABLE ita_framework_versions ADD CONSTRAINT ita_framework_versions_version_check CHECK (version >= 1);
