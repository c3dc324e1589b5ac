import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { decidingRoleGrantors, organizationKinds, roles, type OrganizationKind, type Role } from '@vankien/domain';
import { QueryInteger, OptionalField } from '@vankien/platform';
import { IsEmail, IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

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

