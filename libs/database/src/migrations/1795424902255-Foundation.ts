import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795424902255 implements MigrationInterface {
  name = 'Foundation1795424902255';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "goals" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "code" character varying(40) NOT NULL,
                "title" character varying(300) NOT NULL,
                "description" text,
                "level" character varying(20) NOT NULL,
                "framework" character varying(200) NOT NULL,
                "parent_id" uuid,
                "valid_from" date,
                "valid_to" date,
                CONSTRAINT "ck_goals_not_own_parent" CHECK (
                    parent_id IS DISTINCT
                    FROM id
                ),
                CONSTRAINT "ck_goals_validity" CHECK (
                    valid_to IS NULL
                    OR valid_from IS NULL
                    OR valid_to >= valid_from
                ),
                CONSTRAINT "ck_goals_level" CHECK (
                    level IN (
                        'agenda2030',
                        'focus_area',
                        'priority_goal',
                        'committee_goal',
                        'priority_area',
                        'sub_goal'
                    )
                ),
                CONSTRAINT "PK_26e17b251afab35580dff769223" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_goals_code" ON "goals" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_goals_level" ON "goals" ("level")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_goals_framework" ON "goals" ("framework")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_goals_parent_id" ON "goals" ("parent_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "target_groups" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "code" character varying(40) NOT NULL,
                "name" character varying(200) NOT NULL,
                CONSTRAINT "PK_73042b184f2c7b5f2c2bf28311d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_target_groups_code" ON "target_groups" ("code")
        `);
    await queryRunner.query(`
            CREATE TABLE "districts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "code" character varying(40) NOT NULL,
                "name" character varying(200) NOT NULL,
                CONSTRAINT "PK_972a72ff4e3bea5c7f43a2b98af" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_districts_code" ON "districts" ("code")
        `);
    await queryRunner.query(`
            CREATE TABLE "departments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "code" character varying(40) NOT NULL,
                "name" character varying(200) NOT NULL,
                "kind" character varying(20) NOT NULL,
                "parent_id" uuid,
                CONSTRAINT "ck_departments_not_own_parent" CHECK (
                    parent_id IS DISTINCT
                    FROM id
                ),
                CONSTRAINT "ck_departments_kind" CHECK (
                    kind IN (
                        'administration',
                        'committee',
                        'company',
                        'external'
                    )
                ),
                CONSTRAINT "PK_839517a681a86bb84cbcc6a1e9d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_departments_code" ON "departments" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_departments_parent_id" ON "departments" ("parent_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "initiative_participants" (
                "initiative_id" uuid NOT NULL,
                "department_id" uuid NOT NULL,
                "role" character varying(20) NOT NULL,
                "responsibility" text,
                CONSTRAINT "ck_initiative_participants_role" CHECK (
                    role IN ('co_owner', 'partner', 'funder', 'informed')
                ),
                CONSTRAINT "PK_ad7b75d61efa9966315ef50470b" PRIMARY KEY ("initiative_id", "department_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_initiative_participants_department_id" ON "initiative_participants" ("department_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "initiatives" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "code" character varying(40) NOT NULL,
                "title" character varying(300) NOT NULL,
                "summary" text,
                "search_vector" tsvector,
                "kind" character varying(30) NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'draft',
                "lead_department_id" uuid,
                "process_owner" jsonb,
                "start_date" date,
                "end_date" date,
                "annual_cost_sek" bigint,
                "evidence_base" character varying(30) NOT NULL DEFAULT 'unknown',
                "budget_project_code" character varying(40),
                "follow_up_plan" jsonb,
                CONSTRAINT "ck_initiatives_annual_cost" CHECK (
                    annual_cost_sek IS NULL
                    OR annual_cost_sek BETWEEN 0 AND 1000000000000
                ),
                CONSTRAINT "ck_initiatives_dates" CHECK (
                    end_date IS NULL
                    OR start_date IS NULL
                    OR end_date >= start_date
                ),
                CONSTRAINT "ck_initiatives_evidence_base" CHECK (
                    evidence_base IN (
                        'national_method',
                        'research_based',
                        'local_development',
                        'unknown'
                    )
                ),
                CONSTRAINT "ck_initiatives_status" CHECK (
                    status IN (
                        'draft',
                        'proposed',
                        'approved',
                        'active',
                        'completed',
                        'integrated',
                        'discontinued'
                    )
                ),
                CONSTRAINT "ck_initiatives_kind" CHECK (
                    kind IN (
                        'project',
                        'method',
                        'agreement',
                        'ordinary_operation'
                    )
                ),
                CONSTRAINT "PK_6f2f191bc885b9c50400a8b10d8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_initiatives_code" ON "initiatives" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_initiatives_status" ON "initiatives" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_initiatives_lead_department_id" ON "initiatives" ("lead_department_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_initiatives_start_date" ON "initiatives" ("start_date")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_initiatives_budget_project_code" ON "initiatives" ("budget_project_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "initiative_transitions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "initiative_id" uuid NOT NULL,
                "from_status" character varying(20) NOT NULL,
                "to_status" character varying(20) NOT NULL,
                "comment" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9417ef0cc7eb76d9df92765f4cb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_initiative_transitions_initiative_id" ON "initiative_transitions" ("initiative_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "funding_lines" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "initiative_id" uuid NOT NULL,
                "source_type" character varying(30) NOT NULL,
                "funder" character varying(200) NOT NULL,
                "decision_reference" character varying(100),
                "amount_sek" bigint NOT NULL,
                "period_start" date NOT NULL,
                "period_end" date NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'applied',
                "renewable" boolean NOT NULL DEFAULT false,
                "paid_in_arrears" boolean NOT NULL DEFAULT false,
                "successor_funding_id" uuid,
                "budget_project_code" character varying(40),
                "reporting_deadlines" jsonb NOT NULL DEFAULT '[]',
                "coverage_decision" character varying(30) NOT NULL DEFAULT 'undecided',
                "coverage_note" text,
                "coverage_decided_by" character varying(200),
                "coverage_decided_on" date,
                CONSTRAINT "ck_funding_lines_not_own_successor" CHECK (
                    successor_funding_id IS DISTINCT
                    FROM id
                ),
                CONSTRAINT "ck_funding_lines_amount" CHECK (
                    amount_sek BETWEEN 0 AND 1000000000000
                ),
                CONSTRAINT "ck_funding_lines_period" CHECK (period_end >= period_start),
                CONSTRAINT "ck_funding_lines_coverage_decision" CHECK (
                    coverage_decision IN (
                        'undecided',
                        'ordinary_budget',
                        'new_external_funding',
                        'extension',
                        'phase_out',
                        'not_needed'
                    )
                ),
                CONSTRAINT "ck_funding_lines_status" CHECK (
                    status IN ('applied', 'granted', 'rejected', 'ended')
                ),
                CONSTRAINT "ck_funding_lines_source_type" CHECK (
                    source_type IN (
                        'state_grant',
                        'eu_fund',
                        'temporary_appropriation',
                        'ordinary_budget',
                        'partner_contribution',
                        'foundation',
                        'other'
                    )
                ),
                CONSTRAINT "PK_c4a8729457f1d8cf2a1dc214743" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_funding_lines_initiative_id" ON "funding_lines" ("initiative_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_funding_lines_period_end" ON "funding_lines" ("period_end")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_funding_lines_successor_funding_id" ON "funding_lines" ("successor_funding_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_funding_lines_source_type_initiative_id" ON "funding_lines" ("source_type", "initiative_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "initiative_goals" (
                "initiative_id" uuid NOT NULL,
                "goal_id" uuid NOT NULL,
                CONSTRAINT "PK_0cbac48181bf8a978077cc6f738" PRIMARY KEY ("initiative_id", "goal_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_553c6bb23fb858ec89d145d5bc" ON "initiative_goals" ("initiative_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_9b6927e01b5b72c18cbdcbaace" ON "initiative_goals" ("goal_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "initiative_target_groups" (
                "initiative_id" uuid NOT NULL,
                "target_group_id" uuid NOT NULL,
                CONSTRAINT "PK_a8e45e26515c18c943aea48ec2c" PRIMARY KEY ("initiative_id", "target_group_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_4b73fc1c67e87bb0fd77bbf4e3" ON "initiative_target_groups" ("initiative_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_56ec3f50f482b5b86608ef1f97" ON "initiative_target_groups" ("target_group_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "initiative_districts" (
                "initiative_id" uuid NOT NULL,
                "district_id" uuid NOT NULL,
                CONSTRAINT "PK_9d8019051cb21d28c7e6fb30709" PRIMARY KEY ("initiative_id", "district_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_9d7fd07d0593d3a36e202fe28f" ON "initiative_districts" ("initiative_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_48a83629a73297db7c309ebf04" ON "initiative_districts" ("district_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "goals"
            ADD CONSTRAINT "fk_goals_parent" FOREIGN KEY ("parent_id") REFERENCES "goals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "departments"
            ADD CONSTRAINT "fk_departments_parent" FOREIGN KEY ("parent_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "initiative_participants"
            ADD CONSTRAINT "fk_initiative_participants_initiative" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "initiative_participants"
            ADD CONSTRAINT "fk_initiative_participants_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives"
            ADD CONSTRAINT "fk_initiatives_lead_department" FOREIGN KEY ("lead_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "initiative_transitions"
            ADD CONSTRAINT "fk_initiative_transitions_initiative" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "funding_lines"
            ADD CONSTRAINT "fk_funding_lines_initiative" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "funding_lines"
            ADD CONSTRAINT "fk_funding_lines_successor" FOREIGN KEY ("successor_funding_id") REFERENCES "funding_lines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "initiative_goals"
            ADD CONSTRAINT "fk_initiative_goals_initiative" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "initiative_goals"
            ADD CONSTRAINT "fk_initiative_goals_goal" FOREIGN KEY ("goal_id") REFERENCES "goals"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "initiative_target_groups"
            ADD CONSTRAINT "fk_initiative_target_groups_initiative" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "initiative_target_groups"
            ADD CONSTRAINT "fk_initiative_target_groups_target_group" FOREIGN KEY ("target_group_id") REFERENCES "target_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "initiative_districts"
            ADD CONSTRAINT "fk_initiative_districts_initiative" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "initiative_districts"
            ADD CONSTRAINT "fk_initiative_districts_district" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "initiative_districts" DROP CONSTRAINT "fk_initiative_districts_district"
        `);
    await queryRunner.query(`
            ALTER TABLE "initiative_districts" DROP CONSTRAINT "fk_initiative_districts_initiative"
        `);
    await queryRunner.query(`
            ALTER TABLE "initiative_target_groups" DROP CONSTRAINT "fk_initiative_target_groups_target_group"
        `);
    await queryRunner.query(`
            ALTER TABLE "initiative_target_groups" DROP CONSTRAINT "fk_initiative_target_groups_initiative"
        `);
    await queryRunner.query(`
            ALTER TABLE "initiative_goals" DROP CONSTRAINT "fk_initiative_goals_goal"
        `);
    await queryRunner.query(`
            ALTER TABLE "initiative_goals" DROP CONSTRAINT "fk_initiative_goals_initiative"
        `);
    await queryRunner.query(`
            ALTER TABLE "funding_lines" DROP CONSTRAINT "fk_funding_lines_successor"
        `);
    await queryRunner.query(`
            ALTER TABLE "funding_lines" DROP CONSTRAINT "fk_funding_lines_initiative"
        `);
    await queryRunner.query(`
            ALTER TABLE "initiative_transitions" DROP CONSTRAINT "fk_initiative_transitions_initiative"
        `);
    await queryRunner.query(`
            ALTER TABLE "initiatives" DROP CONSTRAINT "fk_initiatives_lead_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "initiative_participants" DROP CONSTRAINT "fk_initiative_participants_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "initiative_participants" DROP CONSTRAINT "fk_initiative_participants_initiative"
        `);
    await queryRunner.query(`
            ALTER TABLE "departments" DROP CONSTRAINT "fk_departments_parent"
        `);
    await queryRunner.query(`
            ALTER TABLE "goals" DROP CONSTRAINT "fk_goals_parent"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_48a83629a73297db7c309ebf04"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9d7fd07d0593d3a36e202fe28f"
        `);
    await queryRunner.query(`
            DROP TABLE "initiative_districts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_56ec3f50f482b5b86608ef1f97"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_4b73fc1c67e87bb0fd77bbf4e3"
        `);
    await queryRunner.query(`
            DROP TABLE "initiative_target_groups"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9b6927e01b5b72c18cbdcbaace"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_553c6bb23fb858ec89d145d5bc"
        `);
    await queryRunner.query(`
            DROP TABLE "initiative_goals"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_funding_lines_source_type_initiative_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_funding_lines_successor_funding_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_funding_lines_period_end"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_funding_lines_initiative_id"
        `);
    await queryRunner.query(`
            DROP TABLE "funding_lines"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_initiative_transitions_initiative_id"
        `);
    await queryRunner.query(`
            DROP TABLE "initiative_transitions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_initiatives_budget_project_code"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_initiatives_start_date"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_initiatives_lead_department_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_initiatives_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_initiatives_code"
        `);
    await queryRunner.query(`
            DROP TABLE "initiatives"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_initiative_participants_department_id"
        `);
    await queryRunner.query(`
            DROP TABLE "initiative_participants"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_departments_parent_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_departments_code"
        `);
    await queryRunner.query(`
            DROP TABLE "departments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_districts_code"
        `);
    await queryRunner.query(`
            DROP TABLE "districts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_target_groups_code"
        `);
    await queryRunner.query(`
            DROP TABLE "target_groups"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_goals_parent_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_goals_framework"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_goals_level"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_goals_code"
        `);
    await queryRunner.query(`
            DROP TABLE "goals"
        `);
  }
}
