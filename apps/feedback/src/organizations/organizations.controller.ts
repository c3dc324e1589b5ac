import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@vankien/auth';
import { ApiErrors } from '@vankien/platform';
import {
  AccountPageView,
  AccountSearchQuery,
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
@ApiErrors(401, 403)
@Controller()
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get('organizations/:id')
  @ApiOperation({ summary: 'Xem tổ chức / Read an organisation' })
  @ApiOkResponse({ type: OrganizationView })
  @ApiErrors(400, 404)
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<OrganizationView> {
    return this.organizations.get(user.userId, id);
  }

  @Get('organizations/:id/subtree')
  @ApiOperation({ summary: 'Cây tổ chức trực thuộc / The organisation subtree' })
  @ApiOkResponse({ type: [OrganizationView], description: 'The organisation and those under it, to the depth asked, in path order' })
  @ApiErrors(400, 404)
  subtree(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Query() query: SubtreeQuery): Promise<OrganizationView[]> {
    return this.organizations.subtree(user.userId, id, query.depth);
  }

  @Post('organizations')
  @ApiOperation({ summary: 'Tạo tổ chức trực thuộc / Create an organisation' })
  @ApiCreatedResponse({ type: OrganizationView })
  @ApiErrors(400, 404, 409)
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateOrganizationRequest): Promise<OrganizationView> {
    return this.organizations.create(user.userId, body);
  }

  @Get('organizations/:id/memberships')
  @ApiOperation({ summary: 'Tài khoản và vai trò trong tổ chức / Accounts and roles of an organisation' })
  @ApiOkResponse({ type: [MembershipEntryView] })
  @ApiErrors(400, 404)
  memberships(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<MembershipEntryView[]> {
    return this.organizations.memberships(user.userId, id);
  }

  @Get('organizations/:id/accounts')
  @ApiOperation({ summary: 'Tìm tài khoản trong tổ chức và các tổ chức trực thuộc / Find the accounts of an organisation’s subtree' })
  @ApiOkResponse({ type: AccountPageView, description: 'Accounts holding a role in the organisation or below it, matched by name or e-mail without tone marks, paged' })
  @ApiErrors(400, 404)
  accounts(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Query() query: AccountSearchQuery): Promise<AccountPageView> {
    return this.organizations.accounts(user.userId, id, query);
  }

  @Post('organizations/:id/memberships')
  @ApiOperation({ summary: 'Phân công vai trò / Grant a role' })
  @ApiCreatedResponse({ type: MembershipEntryView })
  @ApiErrors(400, 404, 409)
  grant(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: GrantRoleRequest): Promise<MembershipEntryView> {
    return this.organizations.grant(user.userId, id, body);
  }

  @Delete('organizations/:id/memberships/:membershipId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Thu hồi vai trò / Revoke a role' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiErrors(400, 404, 409)
  revoke(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('membershipId', uuid) membershipId: string): Promise<void> {
    return this.organizations.revoke(user.userId, id, membershipId);
  }

  @Post('users')
  @ApiOperation({ summary: 'Tạo tài khoản / Create an account' })
  @ApiCreatedResponse({ type: UserView })
  @ApiErrors(400, 404, 409)
  createUser(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateUserRequest): Promise<UserView> {
    return this.organizations.createUser(user.userId, body);
  }
}
