// What the approval routes answer, from the editor's OpenAPI document (generated, never copied).
import type { components } from '../../../lib/api-schema/editor';

type Schemas = components['schemas'];

export type ApprovalRequest = Schemas['ApprovalRequestView'];
export type ApprovalStatus = ApprovalRequest['status'];
export type ApprovalTally = Schemas['ApprovalTallyView'];
export type ApprovalDecision = Schemas['DecisionView'];
