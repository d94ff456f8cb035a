import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CodeListsController } from './code-lists/code-lists.controller.js';
import { DistrictEntity, TargetGroupEntity } from './code-lists/code-list.entities.js';
import { CodeListsService } from './code-lists/code-lists.service.js';
import { DepartmentEntity } from './departments/department.entity.js';
import { DepartmentsController } from './departments/departments.controller.js';
import { DepartmentsService } from './departments/departments.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([DepartmentEntity, TargetGroupEntity, DistrictEntity])],
  controllers: [DepartmentsController, CodeListsController],
  providers: [DepartmentsService, CodeListsService],
  exports: [DepartmentsService, CodeListsService],
})
export class ReferenceDataModule {}
