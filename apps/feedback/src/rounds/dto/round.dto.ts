import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { latePolicies, sourceTypes, type LatePolicy, type RoundStatus, type SourceType } from '@vankien/domain';
import { IsCalendarDateTime, OptionalField } from '@vankien/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsObject,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export const contributorGroups = ['retired_leaders', 'fatherland_front', 'socio_political', 'expert', 'public'] as const;
export type ContributorGroup = (typeof contributorGroups)[number];

export class ChildrenInvitation {
  @ApiProperty({ description: 'Invite the party organisations below this one' })
  @IsUUID('4', { message: 'organizationId must be a UUID' })
  organizationId!: string;

  @ApiProperty({ description: 'How many levels below (1 = direct children)', minimum: 1, maximum: 20 })
  @IsInt()
  @Min(1)
  @Max(20)
  depth!: number;
}

export class InvitationsRequest {
  @ApiPropertyOptional({ description: 'Organisations chosen one by one', type: [String] })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsUUID('4', { each: true, message: 'organizationIds must hold UUIDs' })
  organizationIds?: string[];

  @ApiPropertyOptional({ type: [ChildrenInvitation], description: '"All children of X, to depth N"' })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ChildrenInvitation)
  childrenOf?: ChildrenInvitation[];

  @ApiPropertyOptional({ enum: contributorGroups, isArray: true, description: 'Groups of contributors below the round’s organisation' })
  @OptionalField()
  @IsArray()
  @ArrayUnique()
  @IsIn(contributorGroups, { each: true, message: `groups must be among ${contributorGroups.join(', ')}` })
  groups?: ContributorGroup[];
}

export class CreateRoundRequest {
  @ApiProperty() @IsUUID('4', { message: 'organizationId must be a UUID' }) organizationId!: string;

  @ApiProperty({ example: 'Lấy ý kiến dự thảo Báo cáo chính trị và Chương trình hành động' })
  @IsString()
  @Length(1, 500)
  title!: string;

  @ApiProperty({ example: '2025-10-15T00:00:00+07:00' }) @IsCalendarDateTime() opensAt!: string;
  @ApiProperty({ example: '2025-11-15T23:59:59+07:00' }) @IsCalendarDateTime() deadline!: string;

  @ApiPropertyOptional({ enum: latePolicies, default: 'refuse' })
  @OptionalField()
  @IsIn(latePolicies, { message: `latePolicy must be one of ${latePolicies.join(', ')}` })
  latePolicy?: LatePolicy;

  @ApiProperty({ type: [String], description: 'Frozen versions sent out together' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('4', { each: true, message: 'documentVersionIds must hold UUIDs' })
  documentVersionIds!: string[];

  @ApiProperty({ type: InvitationsRequest })
  @IsDefined({ message: 'invitations is required' })
  @IsObject({ message: 'invitations must be an object' })
  @ValidateNested()
  @Type(() => InvitationsRequest)
  invitations!: InvitationsRequest;
}

export class InvitationView {
  @ApiProperty() id!: string;
  @ApiProperty() organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ enum: sourceTypes }) sourceType!: SourceType;
}

export class RoundView {
  @ApiProperty() id!: string;
  @ApiProperty() organizationId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['draft', 'open', 'closed'] }) status!: RoundStatus;
  @ApiProperty({ description: 'closed once the deadline passed for a round that refuses late submissions' }) acceptingSubmissions!: boolean;
  @ApiProperty() opensAt!: string;
  @ApiProperty() deadline!: string;
  @ApiProperty({ enum: latePolicies }) latePolicy!: LatePolicy;
  @ApiProperty({ type: [String] }) documentVersionIds!: string[];
  @ApiProperty({ type: [InvitationView] }) invitations!: InvitationView[];
}

export const coverageStates = ['not_started', 'draft', 'submitted', 'late', 'withdrawn'] as const;
export type CoverageState = (typeof coverageStates)[number];

export class CoverageEntry {
  @ApiProperty() invitationId!: string;
  @ApiProperty() organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ enum: sourceTypes }) sourceType!: SourceType;
  @ApiProperty({ enum: coverageStates }) state!: CoverageState;
  @ApiProperty({ nullable: true, type: String }) since!: string | null;
  @ApiProperty() comments!: number;
  @ApiProperty({ description: 'For a group: how many of its contributors submitted' }) contributorsSubmitted!: number;
}
