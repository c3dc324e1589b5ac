import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { decidingRoleGrantors, organizationKinds, roles, type OrganizationKind, type Role } from '@vankien/domain';
import { maxInt32, QueryInteger, OptionalField } from '@vankien/platform';
import { IsEmail, IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';

export class OrganizationView {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) parentId!: string | null;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'central, province, district, grassroots, cell … (data, not fixed)' }) level!: string;
  @ApiProperty({ enum: organizationKinds }) kind!: OrganizationKind;
  @ApiProperty() depth!: number;
}

export class CreateOrganizationRequest {
  @ApiProperty() @IsUUID('4', { message: 'parentId must be a UUID' }) parentId!: string;
  @ApiProperty({ example: 'Đảng bộ xã Tam Đường' }) @IsString() @Length(1, 300) name!: string;
  @ApiProperty({ example: 'LC-TD-01' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'code must be 1–64 letters, digits, dots, dashes or underscores' })
  code!: string;
  @ApiProperty({ example: 'grassroots' })
  @Matches(/^[a-z][a-z_]{1,39}$/, { message: 'level must be a lower-case word such as province or grassroots' })
  level!: string;
  @ApiProperty({ enum: organizationKinds }) @IsIn(organizationKinds) kind!: OrganizationKind;
  @ApiPropertyOptional({
    enum: decidingRoleGrantors,
    description: 'Who may grant the approver and drafter roles in it: another admin (default) or only an admin of a higher level',
  })
  @OptionalField()
  @IsIn(decidingRoleGrantors, { message: `decidingRolesGrantedBy must be one of ${decidingRoleGrantors.join(', ')}` })
  decidingRolesGrantedBy?: (typeof decidingRoleGrantors)[number];
}

export class SubtreeQuery {
  @ApiPropertyOptional({ description: 'How many levels below the organisation (default: all)' })
  @OptionalField()
  @QueryInteger()
  @IsInt()
  @Min(0)
  @Max(50)
  depth?: number;
}

export class MembershipEntryView {
  @ApiProperty() id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: roles }) role!: Role;
}

export class GrantRoleRequest {
  @ApiProperty({ description: 'The account that receives the role' }) @IsUUID('4', { message: 'userId must be a UUID' }) userId!: string;
  @ApiProperty({ enum: roles }) @IsIn(roles, { message: `role must be one of ${roles.join(', ')}` }) role!: Role;
}

export class CreateUserRequest {
  @ApiProperty() @IsEmail({}, { message: 'email must be an email address' }) email!: string;
  @ApiProperty() @IsString() @Length(1, 200) fullName!: string;
  @ApiProperty({ description: 'At least 10 characters' }) @IsString() @Length(10, 256, { message: 'password must be 10 to 256 characters' }) password!: string;
  @ApiProperty({ description: 'The organisation of the first role' }) @IsUUID('4') organizationId!: string;
  @ApiProperty({ enum: roles }) @IsIn(roles, { message: `role must be one of ${roles.join(', ')}` }) role!: Role;
}

export class UserView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() fullName!: string;
}


export class AccountSearchQuery {
  @ApiPropertyOptional({ description: 'Part of the name or e-mail; matched in NFC, without tone marks and case (“nguyen van” finds “Nguyễn Văn An”)' })
  @OptionalField()
  @IsString({ message: 'query must be text' })
  @MaxLength(200, { message: 'query must be at most 200 characters' })
  query?: string;

  @ApiPropertyOptional({ default: 20 })
  @OptionalField()
  @QueryInteger()
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be 1 to 100' })
  @Max(100, { message: 'limit must be 1 to 100' })
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @OptionalField()
  @QueryInteger()
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0, { message: 'offset must not be negative' })
  @Max(maxInt32)
  offset?: number;
}

export class AccountRoleView {
  @ApiProperty() organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ enum: roles }) role!: Role;
}

export class AccountView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: [AccountRoleView], description: 'The roles the account holds inside the organisation’s subtree (never those outside it)' }) roles!: AccountRoleView[];
}

export class AccountPageView {
  @ApiProperty({ description: 'Accounts matching the query (before paging)' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ type: [AccountView] }) items!: AccountView[];
}
