import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each initiative is, kept current in the writing transaction (issue 17, docs/adr/0006-initiative-facts.md): its
 * priority areas above its linked goals and the readiness checks that do not depend on the day. The summary,
 * readiness and the export read them instead of re-deriving them for the whole portfolio on every request.
 *
 * One definition, `initiative_facts_of(ids)`, computes the facts from scratch; the backfill below, the triggers
 * (for the initiatives a statement touched) and the tests (table = from scratch) all use it. The triggers are
 * statement-level with transition tables, so a bulk write (import, demo seed, COPY) recomputes once per statement.
 * An initiative's narrow columns the summary reads are copied too; deleting one removes its row by the foreign key.
 */
export class InitiativeFacts1795456000000 implements MigrationInterface {
  name = 'InitiativeFacts1795456000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "initiative_facts" (
        "initiative_id" uuid NOT NULL,
        "area_ids" uuid[] NOT NULL,
        "co_owner_responsibilities" boolean NOT NULL,
        "goal_link" boolean NOT NULL,
        "effect_logic" boolean NOT NULL,
        "coverage_decision" boolean,
        "status" character varying(20) NOT NULL,
        "lead_department_id" uuid,
        "annual_cost_sek" bigint,
        "has_plan" boolean NOT NULL,
        "target_group_ids" uuid[] NOT NULL,
        "district_ids" uuid[] NOT NULL,
        CONSTRAINT "pk_initiative_facts" PRIMARY KEY ("initiative_id"),
        CONSTRAINT "fk_initiative_facts_initiative" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id")
          ON DELETE CASCADE ON UPDATE CASCADE
      )`);
    // The priority areas: every `priority_area` goal at or above a linked goal (the linked goal itself included),
    // sorted. The readiness checks as GET /portfolio/readiness documents them; coverage_decision is null without
    // temporary money. Then the initiative's own narrow columns the summary reads and its target groups and districts
    // (sorted ids), so an unfiltered summary reads this table alone, not the wide initiatives heap and the links.
    await queryRunner.query(`
      CREATE FUNCTION initiative_facts_of(ids uuid[])
      RETURNS TABLE (initiative_id uuid, area_ids uuid[], co_owner_responsibilities boolean, goal_link boolean,
                     effect_logic boolean, coverage_decision boolean, status character varying(20),
                     lead_department_id uuid, annual_cost_sek bigint, has_plan boolean, target_group_ids uuid[],
                     district_ids uuid[])
      LANGUAGE sql STABLE AS $$
        WITH RECURSIVE area_goals(goal_id, area_id) AS (
          SELECT g.id, g.id FROM goals g WHERE g.level = 'priority_area'
          UNION
          SELECT c.id, a.area_id FROM area_goals a JOIN goals c ON c.parent_id = a.goal_id
        )
        SELECT i.id,
               ARRAY(SELECT DISTINCT ag.area_id FROM initiative_goals ig JOIN area_goals ag ON ag.goal_id = ig.goal_id
                      WHERE ig.initiative_id = i.id ORDER BY 1),
               NOT EXISTS (SELECT 1 FROM initiative_participants p
                            WHERE p.initiative_id = i.id AND p.role = 'co_owner'
                              AND COALESCE(btrim(p.responsibility, E' \\t\\r\\n'), '') = ''),
               EXISTS (SELECT 1 FROM initiative_goals ig WHERE ig.initiative_id = i.id),
               EXISTS (SELECT 1 FROM effect_nodes n JOIN indicator_effect_nodes ien ON ien.effect_node_id = n.id
                        WHERE n.initiative_id = i.id AND n.level IN ('short_term_outcome', 'long_term_outcome', 'impact')
                          AND EXISTS (SELECT 1 FROM indicator_values v WHERE v.indicator_id = ien.indicator_id AND v.kind = 'baseline')),
               CASE WHEN EXISTS (SELECT 1 FROM funding_lines fl WHERE fl.initiative_id = i.id
                                    AND fl.status IN ('granted', 'applied') AND fl.source_type <> 'ordinary_budget')
                    THEN NOT EXISTS (SELECT 1 FROM funding_lines fl WHERE fl.initiative_id = i.id
                                        AND fl.status IN ('granted', 'applied') AND fl.source_type <> 'ordinary_budget'
                                        AND fl.coverage_decision = 'undecided')
               END,
               i.status, i.lead_department_id, i.annual_cost_sek,
               i.follow_up_plan IS NOT NULL AND jsonb_typeof(i.follow_up_plan) <> 'null',
               ARRAY(SELECT t.target_group_id FROM initiative_target_groups t WHERE t.initiative_id = i.id ORDER BY 1),
               ARRAY(SELECT d.district_id FROM initiative_districts d WHERE d.initiative_id = i.id ORDER BY 1)
          FROM initiatives i
         WHERE i.id IN (SELECT unnest(ids))
      $$`);
    // Two writers touching one initiative at once: the second waits for the first's row lock, then computes from a
    // snapshot taken after it (a fresh one per statement), so neither overwrites the other's change with stale facts.
    await queryRunner.query(`
      CREATE FUNCTION initiative_facts_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        SELECT 1 FROM initiative_facts WHERE initiative_id = ANY(ids) ORDER BY initiative_id FOR UPDATE;
        INSERT INTO initiative_facts AS f SELECT * FROM initiative_facts_of(ids)
        ON CONFLICT (initiative_id) DO UPDATE
          SET area_ids = EXCLUDED.area_ids, co_owner_responsibilities = EXCLUDED.co_owner_responsibilities,
              goal_link = EXCLUDED.goal_link, effect_logic = EXCLUDED.effect_logic,
              coverage_decision = EXCLUDED.coverage_decision, status = EXCLUDED.status,
              lead_department_id = EXCLUDED.lead_department_id, annual_cost_sek = EXCLUDED.annual_cost_sek,
              has_plan = EXCLUDED.has_plan, target_group_ids = EXCLUDED.target_group_ids,
              district_ids = EXCLUDED.district_ids
          WHERE (f.*) IS DISTINCT FROM (EXCLUDED.*);
      $$`);
    // TG_ARGV[0]: a query over the statement's transition tables (old_rows, new_rows) for the initiatives it touched.
    await queryRunner.query(`
      CREATE FUNCTION initiative_facts_touched() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
      BEGIN
        EXECUTE 'SELECT array_agg(DISTINCT x) FROM (' || TG_ARGV[0] || ') AS t(x) WHERE x IS NOT NULL' INTO ids;
        IF ids IS NOT NULL THEN
          PERFORM initiative_facts_refresh(ids);
        END IF;
        RETURN NULL;
      END $$`);
    for (const [table, insert, update, remove] of TOUCHED) {
      const trigger = (event: string, referencing: string, query: string) =>
        queryRunner.query(
          `CREATE TRIGGER "tr_${table}_initiative_facts_${event.toLowerCase()}" AFTER ${event} ON "${table}"
             REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION initiative_facts_touched('${query.replace(/'/g, "''")}')`,
        );
      if (insert) await trigger('INSERT', 'NEW TABLE AS new_rows', insert);
      if (update) await trigger('UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows', update);
      if (remove) await trigger('DELETE', 'OLD TABLE AS old_rows', remove);
    }
    await queryRunner.query(
      `INSERT INTO initiative_facts SELECT * FROM initiative_facts_of(ARRAY(SELECT id FROM initiatives))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, insert, update, remove] of TOUCHED) {
      for (const [event, query] of [
        ['insert', insert],
        ['update', update],
        ['delete', remove],
      ]) {
        if (query) await queryRunner.query(`DROP TRIGGER "tr_${table}_initiative_facts_${event}" ON "${table}"`);
      }
    }
    await queryRunner.query(`DROP FUNCTION initiative_facts_touched()`);
    await queryRunner.query(`DROP FUNCTION initiative_facts_refresh(uuid[])`);
    await queryRunner.query(`DROP FUNCTION initiative_facts_of(uuid[])`);
    await queryRunner.query(`DROP TABLE "initiative_facts"`);
  }
}

/** The initiatives a change of `rows` (a transition table) in a table with an `initiative_id` column touched. */
const own = (rows: string) => `SELECT initiative_id FROM ${rows}`;
const both = (query: (rows: string) => string) => `${query('old_rows')} UNION ALL ${query('new_rows')}`;
/** Of indicator links and values: the initiatives whose effect nodes the rows reach. */
const byNode = (rows: string) => `SELECT n.initiative_id FROM ${rows} r JOIN effect_nodes n ON n.id = r.effect_node_id`;
const byBaseline = (rows: string) =>
  `SELECT n.initiative_id FROM ${rows} v JOIN indicator_effect_nodes r ON r.indicator_id = v.indicator_id
     JOIN effect_nodes n ON n.id = r.effect_node_id WHERE v.kind = 'baseline'`;
/** A goal moved or changed level: the initiatives linked to it or below it. */
const goalMoves = `WITH RECURSIVE moved(id) AS (
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE (n.parent_id, n.level) IS DISTINCT FROM (o.parent_id, o.level)
    UNION
    SELECT g.id FROM goals g JOIN moved m ON g.parent_id = m.id
  )
  SELECT ig.initiative_id FROM initiative_goals ig JOIN moved m ON m.id = ig.goal_id`;

/** An initiative changed a column the facts copy. */
const ownColumns = `SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE (n.status, n.lead_department_id, n.annual_cost_sek, n.follow_up_plan)
        IS DISTINCT FROM (o.status, o.lead_department_id, o.annual_cost_sek, o.follow_up_plan)`;

/**
 * Per table the facts rest on: the query for the initiatives its INSERT, UPDATE and DELETE touched (null: cannot
 * change a fact). A new initiative gets its row; a new goal has no links yet, a deleted one's links go by cascade.
 */
const TOUCHED: [table: string, insert: string | null, update: string | null, remove: string | null][] = [
  ['initiatives', 'SELECT id FROM new_rows', ownColumns, null],
  ['initiative_goals', own('new_rows'), both(own), own('old_rows')],
  ['goals', null, goalMoves, null],
  ['initiative_participants', own('new_rows'), both(own), own('old_rows')],
  ['initiative_target_groups', own('new_rows'), both(own), own('old_rows')],
  ['initiative_districts', own('new_rows'), both(own), own('old_rows')],
  ['effect_nodes', own('new_rows'), both(own), own('old_rows')],
  ['indicator_effect_nodes', byNode('new_rows'), both(byNode), byNode('old_rows')],
  ['indicator_values', byBaseline('new_rows'), both(byBaseline), byBaseline('old_rows')],
  ['funding_lines', own('new_rows'), both(own), own('old_rows')],
];
