import type { MigrationInterface, QueryRunner } from 'typeorm';

type TriggerEvent = 'INSERT' | 'UPDATE' | 'DELETE';

/** Which table notes (or counts) through which function, on which events. */
const TRIGGERS: [table: string, fn: string, events: TriggerEvent[]][] = [
  ['initiatives', 'overlap_note_initiatives()', ['INSERT', 'UPDATE']],
  ['initiative_target_groups', 'overlap_note_links()', ['INSERT', 'UPDATE', 'DELETE']],
  ['initiative_districts', 'overlap_note_links()', ['INSERT', 'UPDATE', 'DELETE']],
  ['initiative_goals', 'overlap_note_links()', ['INSERT', 'UPDATE', 'DELETE']],
  ['effect_nodes', 'overlap_note_effect_nodes()', ['INSERT', 'UPDATE', 'DELETE']],
  ['effect_links', 'overlap_note_effect_links()', ['INSERT', 'UPDATE', 'DELETE']],
  ['target_groups', "overlap_note_coded('initiative_target_groups', 'target_group_id')", ['UPDATE']],
  ['districts', "overlap_note_coded('initiative_districts', 'district_id')", ['UPDATE']],
  ['goals', 'overlap_note_goals()', ['UPDATE']],
  ['overlap_pairs', 'overlap_count_scores()', ['INSERT', 'UPDATE', 'DELETE']],
];

/**
 * The overlap outbox (issue 17): statement-level triggers note, in the writing transaction, every initiative whose
 * overlap facts may have changed (what `factsCtes` in overlaps.sql.ts reads: the initiative's title, summary, code and
 * status; its target groups, districts and goals; the effect-logic nodes it reaches; the codes and the goal tree those
 * name). The worker rescores only the noted initiatives and deletes the rows it handled, so no read recomputes
 * anything. `overlap_facts.blocks` keeps each scored initiative's blocking keys (hashed) so a rescore finds its
 * candidate partners through a GIN index instead of computing every open initiative's facts; `overlap_state` remembers
 * the floor the stored pairs were computed with, so a changed OVERLAP_LIST_MIN_SCORE (or this deploy) starts the full
 * refresh job; `overlap_score_counts` keeps the stored pairs' count per score for the list's total. No entities:
 * nothing but the triggers and the refresh writes these.
 */
export class OverlapOutbox1795454000000 implements MigrationInterface {
  name = 'OverlapOutbox1795454000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "overlap_outbox" (
        "position" bigserial NOT NULL,
        "initiative_id" uuid NOT NULL,
        CONSTRAINT "pk_overlap_outbox" PRIMARY KEY ("position")
      )`);
    await queryRunner.query(`
      CREATE TABLE "overlap_state" (
        "id" boolean NOT NULL DEFAULT true,
        "floor" double precision NOT NULL,
        CONSTRAINT "ck_overlap_state_one_row" CHECK (id),
        CONSTRAINT "pk_overlap_state" PRIMARY KEY ("id")
      )`);
    // The stored facts predate their blocking keys: the full refresh job (no overlap_state yet) recomputes them all.
    await queryRunner.query(`DELETE FROM "overlap_facts"`);
    await queryRunner.query(`ALTER TABLE "overlap_facts" ADD "blocks" bigint array NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_overlap_facts_blocks" ON "overlap_facts" USING gin ("blocks")`);

    // How many stored pairs have each score (at most 10,001: four decimals), kept by a trigger on overlap_pairs, so the
    // list's total is a sum over a few thousand rows instead of a count of every stored pair.
    await queryRunner.query(`
      CREATE TABLE "overlap_score_counts" (
        "score" double precision NOT NULL,
        "n" integer NOT NULL,
        CONSTRAINT "pk_overlap_score_counts" PRIMARY KEY ("score")
      )`);
    await queryRunner.query(
      `INSERT INTO overlap_score_counts (score, n) SELECT score, count(*) FROM overlap_pairs GROUP BY score`,
    );
    await queryRunner.query(`
      CREATE FUNCTION overlap_count_scores() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO overlap_score_counts (score, n) SELECT score, count(*) FROM new_rows GROUP BY score
          ON CONFLICT (score) DO UPDATE SET n = overlap_score_counts.n + excluded.n;
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          UPDATE overlap_score_counts c SET n = c.n - o.n
            FROM (SELECT score, count(*) AS n FROM old_rows GROUP BY score) o WHERE c.score = o.score;
        END IF;
        RETURN NULL;
      END $$`);

    // A trigger function of statements over its transition tables (new_rows, old_rows), returning nothing.
    const noteFunction = (name: string, body: string) =>
      queryRunner.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${body}
          RETURN NULL;
        END $$`);
    // The statement's own rows by event: inserted, deleted, or both sides of an update.
    const byEvent = (onInsert: string, onDelete: string, onUpdate: string) =>
      `IF TG_OP = 'INSERT' THEN ${onInsert}; ELSIF TG_OP = 'DELETE' THEN ${onDelete}; ELSE ${onUpdate}; END IF;`;
    const note = (
      from: string,
    ) => `INSERT INTO overlap_outbox (initiative_id) SELECT DISTINCT initiative_id FROM (${from}) x
                                     WHERE initiative_id IS NOT NULL`;
    // Everyone whose effect logic reaches `nodes` (a node set: start there, follow links backwards, over the links as
    // they are and those the statement changed, so a chain removed in one statement is still walked).
    const reaching = (nodes: string, links: string) => `
      WITH RECURSIVE back(node_id) AS (
        ${nodes}
        UNION
        SELECT l.from_node_id FROM (SELECT from_node_id, to_node_id FROM effect_links UNION ALL ${links}) l
          JOIN back b ON l.to_node_id = b.node_id
      )
      SELECT n.initiative_id FROM back JOIN effect_nodes n ON n.id = back.node_id`;

    // initiatives: new ones, and those whose scored columns changed (a deletion cascades to the stored pairs).
    await noteFunction(
      'overlap_note_initiatives',
      `
        IF TG_OP = 'INSERT' THEN
          ${note('SELECT id AS initiative_id FROM new_rows')};
        ELSE
          ${note(`SELECT n.id AS initiative_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                   WHERE (n.title, n.summary, n.code, n.status) IS DISTINCT FROM (o.title, o.summary, o.code, o.status)`)};
        END IF;`,
    );
    // A link table (initiative_id, …): every initiative on a row the statement touched.
    await noteFunction(
      'overlap_note_links',
      `
        ${byEvent(
          note('SELECT initiative_id FROM new_rows'),
          note('SELECT initiative_id FROM old_rows'),
          note('SELECT initiative_id FROM new_rows UNION ALL SELECT initiative_id FROM old_rows'),
        )}`,
    );
    // Effect nodes: their own initiative; a node whose level or owner changed also changes what reaches it.
    await noteFunction(
      'overlap_note_effect_nodes',
      `
        ${byEvent(
          note('SELECT initiative_id FROM new_rows'),
          note('SELECT initiative_id FROM old_rows'),
          note(`SELECT initiative_id FROM new_rows UNION ALL SELECT initiative_id FROM old_rows
                UNION ALL SELECT initiative_id FROM (${reaching(
                  `SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                    WHERE (n.level, n.initiative_id) IS DISTINCT FROM (o.level, o.initiative_id)`,
                  'SELECT NULL::uuid, NULL::uuid WHERE false',
                )}) r`),
        )}`,
    );
    // Effect links: every initiative that reaches a changed link's start.
    await noteFunction(
      'overlap_note_effect_links',
      `
        ${byEvent(
          note(reaching('SELECT from_node_id FROM new_rows', 'SELECT from_node_id, to_node_id FROM new_rows')),
          note(reaching('SELECT from_node_id FROM old_rows', 'SELECT from_node_id, to_node_id FROM old_rows')),
          note(
            reaching(
              'SELECT from_node_id FROM new_rows UNION SELECT from_node_id FROM old_rows',
              'SELECT from_node_id, to_node_id FROM old_rows',
            ),
          ),
        )}`,
    );
    // Target groups and districts: a changed code is a changed key of every initiative linked to it.
    // TG_ARGV: the link table and its column.
    await noteFunction(
      'overlap_note_coded',
      `
        EXECUTE format('${note(`SELECT x.initiative_id FROM %I x JOIN new_rows n ON n.id = x.%I JOIN old_rows o ON o.id = n.id
                                 WHERE n.code IS DISTINCT FROM o.code`).replaceAll(
          "'",
          "''",
        )}', TG_ARGV[0], TG_ARGV[1]);`,
    );
    // Goals: a changed level, parent or code moves the priority areas of every initiative linked below it.
    await noteFunction(
      'overlap_note_goals',
      `
        ${note(`WITH RECURSIVE below(id) AS (
                  SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                   WHERE (n.level, n.parent_id, n.code) IS DISTINCT FROM (o.level, o.parent_id, o.code)
                  UNION
                  SELECT g.id FROM goals g JOIN below b ON g.parent_id = b.id
                )
                SELECT ig.initiative_id FROM initiative_goals ig JOIN below b ON b.id = ig.goal_id`)};`,
    );

    // Transition tables allow one event per trigger.
    for (const [table, fn, events] of TRIGGERS) {
      for (const event of events) {
        const referencing = {
          INSERT: 'NEW TABLE AS new_rows',
          DELETE: 'OLD TABLE AS old_rows',
          UPDATE: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
        }[event];
        await queryRunner.query(
          `CREATE TRIGGER "tr_${table}_overlap_${event.toLowerCase()}" AFTER ${event} ON "${table}"
             REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`,
        );
      }
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, , events] of TRIGGERS) {
      for (const event of events)
        await queryRunner.query(`DROP TRIGGER "tr_${table}_overlap_${event.toLowerCase()}" ON "${table}"`);
    }
    for (const fn of ['initiatives', 'links', 'effect_nodes', 'effect_links', 'coded', 'goals']) {
      await queryRunner.query(`DROP FUNCTION overlap_note_${fn}()`);
    }
    await queryRunner.query(`DROP FUNCTION overlap_count_scores()`);
    await queryRunner.query(`DROP TABLE "overlap_score_counts"`);
    await queryRunner.query(`DROP INDEX "public"."ix_overlap_facts_blocks"`);
    await queryRunner.query(`ALTER TABLE "overlap_facts" DROP COLUMN "blocks"`);
    await queryRunner.query(`DROP TABLE "overlap_state"`);
    await queryRunner.query(`DROP TABLE "overlap_outbox"`);
  }
}
