-- A published draft version never changes: its text, label and provisions are frozen.
-- (The explanation may still be corrected; it is not part of the draft's text.)
CREATE OR REPLACE FUNCTION minyi_guard_published_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'draft version % is published and cannot be deleted', OLD.id USING ERRCODE = 'P0001';
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status
       OR NEW.draft_id IS DISTINCT FROM OLD.draft_id
       OR NEW.seq IS DISTINCT FROM OLD.seq
       OR NEW.label IS DISTINCT FROM OLD.label
       OR NEW.source_text IS DISTINCT FROM OLD.source_text
       OR NEW.source_format IS DISTINCT FROM OLD.source_format
       OR NEW.source_sha256 IS DISTINCT FROM OLD.source_sha256
       OR NEW.published_at IS DISTINCT FROM OLD.published_at THEN
      RAISE EXCEPTION 'draft version % is published and cannot be changed', OLD.id USING ERRCODE = 'P0001';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER draft_versions_published_guard
  BEFORE UPDATE OR DELETE ON draft_versions
  FOR EACH ROW EXECUTE FUNCTION minyi_guard_published_version();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION minyi_guard_published_provisions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_id uuid;
BEGIN
  IF TG_OP = 'INSERT' THEN v_id := NEW.version_id; ELSE v_id := OLD.version_id; END IF;
  IF EXISTS (SELECT 1 FROM draft_versions WHERE id = v_id AND status = 'published') THEN
    RAISE EXCEPTION 'provisions of published draft version % cannot be changed', v_id USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.version_id IS DISTINCT FROM OLD.version_id
     AND EXISTS (SELECT 1 FROM draft_versions WHERE id = NEW.version_id AND status = 'published') THEN
    RAISE EXCEPTION 'provisions of published draft version % cannot be changed', NEW.version_id USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER provisions_published_guard
  BEFORE INSERT OR UPDATE OR DELETE ON provisions
  FOR EACH ROW EXECUTE FUNCTION minyi_guard_published_provisions();
