import { ApprovalRequest } from './approval/approval-request.entity';
import { Approval } from './approval/approval.entity';
import { AuditChainHead, AuditEvent } from './audit/audit-event.entity';
import { CongressDocument } from './document/document.entity';
import { DocumentSnapshot } from './document/document-snapshot.entity';
import { DocumentUpdate } from './document/document-update.entity';
import { DocumentVersion } from './document/document-version.entity';
import { Notification } from './notification/notification.entity';
import { Organization } from './organization/organization.entity';
import { CommentRound } from './round/comment-round.entity';
import { Invitation } from './round/invitation.entity';
import { RoundDocument } from './round/round-document.entity';
import { Comment } from './submission/comment.entity';
import { CommentPreparedForm } from './submission/comment-prepared-form.entity';
import { CommentImport } from './submission/comment-import.entity';
import { IdempotencyRecord } from './common/idempotency-record.entity';
import { SubmissionReceipt } from './submission/submission-receipt.entity';
import { Submission } from './submission/submission.entity';
import { ClusterMember } from './synthesis/cluster-member.entity';
import { ClusterMemberSet } from './synthesis/cluster-member-set.entity';
import { CommentCluster } from './synthesis/comment-cluster.entity';
import { Disposition } from './synthesis/disposition.entity';
import { Synthesis } from './synthesis/synthesis.entity';
import { SynthesisCorrection } from './synthesis/synthesis-correction.entity';
import { BlockClustering } from './synthesis/block-clustering.entity';
import { Membership } from './user/membership.entity';
import { RefreshToken } from './user/refresh-token.entity';
import { User } from './user/user.entity';

/** Every entity of the model, for the DataSource. */
export const entities = [
  Organization,
  User,
  Membership,
  RefreshToken,
  CongressDocument,
  DocumentUpdate,
  DocumentSnapshot,
  DocumentVersion,
  CommentRound,
  RoundDocument,
  Invitation,
  Submission,
  SubmissionReceipt,
  Comment,
  CommentPreparedForm,
  CommentImport,
  IdempotencyRecord,
  Synthesis,
  CommentCluster,
  ClusterMemberSet,
  ClusterMember,
  Disposition,
  SynthesisCorrection,
  BlockClustering,
  ApprovalRequest,
  Approval,
  Notification,
  AuditEvent,
  AuditChainHead,
];
