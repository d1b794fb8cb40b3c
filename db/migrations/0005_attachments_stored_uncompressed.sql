-- Attachments are files that are compressed already (.xlsx and .docx are zip archives, photos are
-- JPEG, an import's staged rows are gzip): PostgreSQL's own compression of them (pglz) took a
-- quarter of the database's time while an import was validated, for no gain. Stored out of line,
-- uncompressed, from now on.
ALTER TABLE "attachments" ALTER COLUMN "content" SET STORAGE EXTERNAL;
