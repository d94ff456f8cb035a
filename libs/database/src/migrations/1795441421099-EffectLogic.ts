import { MigrationInterface, QueryRunner } from 'typeorm';

export class EffectLogic1795441421099 implements MigrationInterface {
  name = 'EffectLogic1795441421099';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "effect_nodes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "level" character varying(30) NOT NULL,
                "title" character varying(300) NOT NULL,
                "description" text,
                "initiative_id" uuid,
                "goal_id" uuid,
                CONSTRAINT "ck_effect_nodes_one_owner" CHECK (num_nonnulls(initiative_id, goal_id) = 1),
                CONSTRAINT "ck_effect_nodes_level" CHECK (
                    level IN (
                        'activity',
                        'output',
                        'short_term_outcome',
                        'long_term_outcome',
                        'impact'
                    )
                ),
                CONSTRAINT "PK_e3951be0551d6eefe8b148e2d91" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_effect_nodes_initiative_id" ON "effect_nodes" ("initiative_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_effect_nodes_goal_id" ON "effect_nodes" ("goal_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "effect_links" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "from_node_id" uuid NOT NULL,
                "to_node_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ux_effect_links_pair" UNIQUE ("from_node_id", "to_node_id"),
                CONSTRAINT "ck_effect_links_not_self" CHECK (from_node_id <> to_node_id),
                CONSTRAINT "PK_7ae4eee4b8dfb521d01ede248c2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_effect_links_to_node_id" ON "effect_links" ("to_node_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "effect_nodes"
            ADD CONSTRAINT "fk_effect_nodes_initiative" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "effect_nodes"
            ADD CONSTRAINT "fk_effect_nodes_goal" FOREIGN KEY ("goal_id") REFERENCES "goals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "effect_links"
            ADD CONSTRAINT "fk_effect_links_from_node" FOREIGN KEY ("from_node_id") REFERENCES "effect_nodes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "effect_links"
            ADD CONSTRAINT "fk_effect_links_to_node" FOREIGN KEY ("to_node_id") REFERENCES "effect_nodes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "effect_links" DROP CONSTRAINT "fk_effect_links_to_node"
        `);
    await queryRunner.query(`
            ALTER TABLE "effect_links" DROP CONSTRAINT "fk_effect_links_from_node"
        `);
    await queryRunner.query(`
            ALTER TABLE "effect_nodes" DROP CONSTRAINT "fk_effect_nodes_goal"
        `);
    await queryRunner.query(`
            ALTER TABLE "effect_nodes" DROP CONSTRAINT "fk_effect_nodes_initiative"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_effect_links_to_node_id"
        `);
    await queryRunner.query(`
            DROP TABLE "effect_links"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_effect_nodes_goal_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_effect_nodes_initiative_id"
        `);
    await queryRunner.query(`
            DROP TABLE "effect_nodes"
        `);
  }
}
