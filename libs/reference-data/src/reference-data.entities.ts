import { TargetGroupEntity, DistrictEntity } from './code-lists/code-list.entities.js';
import { DepartmentEntity } from './departments/department.entity.js';

/** This context's tables, for the DataSource of the apps, the migration CLI and the tests (#schema gathers every context's). */
export const REFERENCE_DATA_ENTITIES = [DepartmentEntity, TargetGroupEntity, DistrictEntity];
