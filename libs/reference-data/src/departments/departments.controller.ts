import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, Creates, IfMatchVersion, UuidParam } from '#common';
import { Ctx, Requires, type RequestContext } from '#identity';
import { DepartmentsService } from './departments.service.js';
import {
  CreateDepartmentDto,
  DepartmentDto,
  ListDepartmentsQueryDto,
  UpdateDepartmentDto,
} from './dto/department.dto.js';

@ApiTags('departments')
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'List organisation units (förvaltningar, nämnder, bolag, external partners)' })
  @ApiPageResponse(DepartmentDto)
  @ApiProblems()
  list(@Query() query: ListDepartmentsQueryDto) {
    return this.departments.list(query);
  }

  @Post()
  @Requires('reference-data:write')
  @ApiOperation({ summary: 'Register an organisation unit' })
  @Creates(DepartmentDto, 'departments/:id')
  @ApiProblems(409, 413, 422)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateDepartmentDto) {
    return this.departments.create(ctx, dto);
  }

  @Get(':id')
  @Requires('portfolio:read')
  @ApiOperation({ summary: 'One organisation unit; the ETag is its version' })
  @ApiOkResponse({ type: DepartmentDto })
  @ApiProblems(404)
  get(@Param('id', UuidParam()) id: string) {
    return this.departments.get(id);
  }

  @Patch(':id')
  @Requires('reference-data:write')
  @ApiOperation({ summary: 'Change an organisation unit' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag from your last read' })
  @ApiOkResponse({ type: DepartmentDto })
  @ApiProblems(404, 409, 412, 413, 422, 428)
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam()) id: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateDepartmentDto,
  ) {
    return this.departments.update(ctx, id, version, dto);
  }
}
