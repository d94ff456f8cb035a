import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryRows } from '#common';
import { nestGoals } from '#goals';
import type { GoalTreeFiguresNodeDto, GoalTreeFiguresQueryDto } from './goal-tree.dto.js';
import { buildGoalTreeFiguresSql } from './goal-tree.sql.js';

@Injectable()
export class GoalTreeFiguresService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One statement computes every goal's figures (buildGoalTreeFiguresSql); here they are only nested. */
  async tree(filters: GoalTreeFiguresQueryDto): Promise<GoalTreeFiguresNodeDto[]> {
    return nestGoals(await queryRows(this.dataSource, buildGoalTreeFiguresSql(filters)));
  }
}
