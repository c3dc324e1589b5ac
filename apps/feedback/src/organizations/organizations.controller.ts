import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@vankien/auth';
import {
  CreateOrganizationRequest,
  CreateUserRequest,
  GrantRoleRequest,
  MembershipEntryView,
  OrganizationView,
  SubtreeQuery,
  UserView,
} from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('organizations')
@ApiBearerAuth()
@Controller()
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get('organizations/:id')
  @ApiOkResponse({ type: OrganizationView })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<OrganizationView> {
    return this.organizations.get(user.userId, id);
  }

  @Get('organizations/:id/subtree')
  @ApiOkResponse({ type: [OrganizationView] })
  subtree(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Query() query: SubtreeQuery): Promise<OrganizationView[]> {
    return this.organizations.subtree(user.userId, id, query.depth);
  }

  @Post('organizations')
  @ApiCreatedResponse({ type: OrganizationView })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateOrganizationRequest): Promise<OrganizationView> {
    return this.organizations.create(user.userId, body);
  }

  @Get('organizations/:id/memberships')
  @ApiOkResponse({ type: [MembershipEntryView] })
  memberships(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<MembershipEntryView[]> {
    return this.organizations.memberships(user.userId, id);
  }

  @Post('organizations/:id/memberships')
  @ApiCreatedResponse({ type: MembershipEntryView })
  grant(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: GrantRoleRequest): Promise<MembershipEntryView> {
    return this.organizations.grant(user.userId, id, body);
  }

  @Delete('organizations/:id/memberships/:membershipId')
  @HttpCode(204)
  revoke(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('membershipId', uuid) membershipId: string): Promise<void> {
    return this.organizations.revoke(user.userId, id, membershipId);
  }

  @Post('users')
  @ApiCreatedResponse({ type: UserView })
  createUser(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateUserRequest): Promise<UserView> {
    return this.organizations.createUser(user.userId, body);
  }
}
