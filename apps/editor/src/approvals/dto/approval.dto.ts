import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { approvalDecisions, type ApprovalDecision } from '@vankien/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { OptionalField } from '@vankien/platform';

export class CreateApprovalRequest {
  @ApiProperty({ description: 'The frozen version sent for approval (the latest of its document)' })
  @IsUUID('4', { message: 'versionId must be a UUID' })
  versionId!: string;

  @ApiPropertyOptional({ description: 'What the drafters say with it (what changed, what is asked)' })
  @OptionalField()
  @IsString()
  @Length(1, 5000)
  message?: string;
}

export class DecisionRequest {
  @ApiProperty({ enum: approvalDecisions })
  @IsIn(approvalDecisions, { message: `decision must be one of ${approvalDecisions.join(', ')}` })
  decision!: ApprovalDecision;

  @ApiPropertyOptional({ description: 'Required when asking for changes' })
  @OptionalField()
  @IsString()
  @Length(1, 10000)
  remarks?: string;
}

export class ListApprovalsQuery {
  @ApiPropertyOptional()
  @OptionalField()
  @IsUUID('4', { message: 'documentId must be a UUID' })
  documentId?: string;
}

export class ListNotificationsQuery {
  @ApiPropertyOptional({ description: 'Only those not yet read' })
  @OptionalField()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}
