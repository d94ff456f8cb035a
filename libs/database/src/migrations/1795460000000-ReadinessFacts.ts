import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: `initiative_facts` also keeps the initiative's code and whether it has a process owner, so unfiltered
 * readiness (and the export's scores) read the narrow facts alone, not the wide `initiatives` heap; the title is
 * read for the page's rows only. `initiative_facts_of` and `initiative_facts_refresh` are recreated with the two
 * columns (otherwise as InitiativeFacts1795456000000 defines them), the `initiatives` UPDATE trigger also fires on a
 * change of code or process owner, and the table is backfilled from `initiative_facts_of`. `down()` restores the
 * InitiativeFacts definitions.
 */
export class ReadinessFacts1795460000000 implements MigrationInterface {
  name = 'ReadinessFacts1795460000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "initiative_facts" ADD "code" character varying(40), ADD "has_process_owner" boolean`,
    );
    await replaceDefinitions(queryRunner, true);
    await queryRunner.query(`
      UPDATE initiative_facts f SET code = x.code, has_process_owner = x.has_process_owner
        FROM initiative_facts_of(ARRAY(SELECT id FROM initiatives)) x
       WHERE x.initiative_id = f.initiative_id`);
    await queryRunner.query(
      `ALTER TABLE "initiative_facts" ALTER "code" SET NOT NULL, ALTER "has_process_owner" SET NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await replaceDefinitions(queryRunner, false);
    await queryRunner.query(`ALTER TABLE "initiative_facts" DROP "has_process_owner", DROP "code"`);
  }
}

/** The facts' definitions with (`readiness`) or without the code and has_process_owner columns. */
async function replaceDefinitions(queryRunner: QueryRunner, readiness: boolean): Promise<void> {
  const extra = (sql: string) => (readiness ? sql : '');
  await queryRunner.query(`DROP TRIGGER "tr_initiatives_initiative_facts_update" ON "initiatives"`);
  await queryRunner.query(`DROP FUNCTION initiative_facts_refresh(uuid[])`);
  await queryRunner.query(`DROP FUNCTION initiative_facts_of(uuid[])`);
  await queryRunner.query(`
      CREATE FUNCTION initiative_facts_of(ids uuid[])
      RETURNS TABLE (initiative_id uuid, area_ids uuid[], co_owner_responsibilities boolean, goal_link boolean,
                     effect_logic boolean, coverage_decision boolean, status character varying(20),
                     lead_department_id uuid, annual_cost_sek bigint, has_plan boolean, target_group_ids uuid[],
                     district_ids uuid[]${extra(', code character varying(40), has_process_owner boolean')})
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
               ARRAY(SELECT d.district_id FROM initiative_districts d WHERE d.initiative_id = i.id ORDER BY 1)${extra(`,
               i.code, i.process_owner IS NOT NULL AND jsonb_typeof(i.process_owner) <> 'null'`)}
          FROM initiatives i
         WHERE i.id IN (SELECT unnest(ids))
      $$`);
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
              district_ids = EXCLUDED.district_ids${extra(`, code = EXCLUDED.code,
              has_process_owner = EXCLUDED.has_process_owner`)}
          WHERE (f.*) IS DISTINCT FROM (EXCLUDED.*);
      $$`);
  // An initiative changed a column the facts copy (as in InitiativeFacts, with code and process owner when kept).
  const columns = `n.status, n.lead_department_id, n.annual_cost_sek, n.follow_up_plan${extra(', n.code, n.process_owner')}`;
  const changed = `SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE (${columns})
        IS DISTINCT FROM (${columns.replace(/\bn\./g, 'o.')})`;
  await queryRunner.query(
    `CREATE TRIGGER "tr_initiatives_initiative_facts_update" AFTER UPDATE ON "initiatives"
             REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION initiative_facts_touched('${changed.replace(/'/g, "''")}')`,
  );
}
